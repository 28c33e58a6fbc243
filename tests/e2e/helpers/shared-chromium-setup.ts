import { SHARED_CHROMIUM_ENV, chromiumAvailable, launchChromiumServer } from './chromium'

// One Chromium for the whole browser suite: starting one costs seconds on a loaded two-core
// machine, and each test file used to start its own (some, one per test). Files connect to this
// one; each connection's contexts are its own and close with it, so the files stay isolated.
export default async function setup(): Promise<(() => Promise<void>) | void> {
  if (!chromiumAvailable() || process.env[SHARED_CHROMIUM_ENV] === 'off') return
  const server = await launchChromiumServer()
  // Workers are started after this, and take the variable with them.
  process.env[SHARED_CHROMIUM_ENV] = server.wsEndpoint()
  return async () => {
    delete process.env[SHARED_CHROMIUM_ENV]
    await server.close()
  }
}
