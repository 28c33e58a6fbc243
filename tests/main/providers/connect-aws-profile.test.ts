import { createHash } from 'node:crypto'
import { inEnglish } from '../../shared/in-english'
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { ConnectStartTaskContactInput } from '../../../shared/providers/connect/wire'
import { ConnectSecret } from '../../../shared/schemas/credentials'
import { ConnectProfile } from '../../../shared/schemas/profiles'
import type { Clock } from '../../../electron/main/core/clock'
import { createLogger } from '../../../electron/main/core/logger'
import { createTokenCache } from '../../../electron/main/secrets/token-cache'
import { createConnectClient } from '../../../electron/main/providers/connect/connect-client'
import { startConnectSimulator } from '../../../electron/main/providers/connect/connect-simulator'
import { startIdentityCenterSimulator } from '../../../electron/main/providers/connect/identity-center-simulator'
import { drafts, secrets } from '../../shared/fixtures'
import { memorySecretStore } from '../memory-secret-store'
import { silentServer } from './net-fixtures'
import { SENT_THEN_SILENT_MS } from './time-limits'

// A Connect profile that opts into a named profile of this computer's AWS configuration, read by
// the SDK's own `fromIni` from the files the SDK uses (AWS_CONFIG_FILE, AWS_SHARED_CREDENTIALS_FILE,
// here temporary files): `credential_process` runs a real process (a small node script printing the
// credentials as JSON), and an `sso-session` profile uses the token `aws sso login` left in the SSO
// cache. The environment's own keys are set to something else throughout, and never used.

const ID = '9c1e7d2a-3b4f-4a5e-8d6c-1f2e3a4b5c6d'
const KEY = 'c0ffee00-2222-4e2b-9c3d-5e6f7a8b9c0d'
const PROCESS_KEY = 'ASIAPROCESS0000KEY42'
const PROCESS_SECRET = 'process-secret-access-key-Zq8/Lm'
const PROCESS_SESSION = 'process-session-token-Kd93jf0sl2mvP'
const MINUTE = 60_000

const cleanups: (() => Promise<void>)[] = []
afterEach(async () => {
  vi.unstubAllEnvs()
  while (cleanups.length) await cleanups.pop()!()
})

const task: ConnectStartTaskContactInput = {
  InstanceId: drafts.connect.instanceId,
  Name: 'Call back Ms Example',
  ContactFlowId: 'flow-1',
}

function handClock() {
  let at = Date.now()
  const clock: Clock = { now: () => new Date(at), monotonicMs: () => at }
  return { clock, advance: (ms: number) => void (at += ms) }
}

/** A temporary AWS configuration, the environment pointed at it (and its own keys set to others). */
function awsConfig(config: string): { dir: string } {
  const dir = mkdtempSync(join(tmpdir(), 'callboard-aws-'))
  writeFileSync(join(dir, 'config'), config)
  writeFileSync(join(dir, 'credentials'), '')
  vi.stubEnv('AWS_CONFIG_FILE', join(dir, 'config'))
  vi.stubEnv('AWS_SHARED_CREDENTIALS_FILE', join(dir, 'credentials'))
  vi.stubEnv('AWS_ACCESS_KEY_ID', 'AKIAENVIRONMENTKEY00')
  vi.stubEnv('AWS_SECRET_ACCESS_KEY', 'environment-secret-never-used')
  vi.stubEnv('AWS_PROFILE', 'someone-else')
  return { dir }
}

/** A credential_process script: prints the credentials (ending in `lifeMs`) and counts its runs. */
function credentialProcess(dir: string, lifeMs: number | null, exitCode = 0): string {
  const script = join(dir, 'credentials.mjs')
  writeFileSync(
    script,
    `import { appendFileSync } from 'node:fs'
appendFileSync(${JSON.stringify(join(dir, 'runs'))}, 'x')
if (${exitCode} !== 0) { console.error('no credentials for you'); process.exit(${exitCode}) }
console.log(JSON.stringify({ Version: 1, AccessKeyId: ${JSON.stringify(PROCESS_KEY)}, SecretAccessKey: ${JSON.stringify(PROCESS_SECRET)}, SessionToken: ${JSON.stringify(PROCESS_SESSION)}${lifeMs === null ? '' : `, Expiration: new Date(Number(process.env.CALLBOARD_TEST_NOW) + ${lifeMs}).toISOString()`} }))
`,
  )
  return `credential_process = "${process.execPath}" "${script}"\n`
}

const runs = (dir: string) => {
  try {
    return readFileSync(join(dir, 'runs'), 'utf8').length
  } catch {
    return 0
  }
}

async function connectSim(accessKeyId: string, secretAccessKey: string, sessionToken: string) {
  const sim = await startConnectSimulator({
    accessKeyId,
    secretAccessKey,
    sessionToken,
    region: drafts.connect.region,
    instances: [{ id: drafts.connect.instanceId, alias: 'acme-support' }],
    rateLimit: null,
  })
  cleanups.push(sim.close)
  return sim
}

function sender(url: string, awsProfile: string, clock: Clock) {
  const client = createConnectClient({ endpointFor: () => url })
  const profile = ConnectProfile.parse({ ...drafts.connect, id: ID, credentialSource: 'aws_profile', awsProfile })
  const tokens = createTokenCache({ secrets: memorySecretStore(), clock, logger: createLogger(() => {}, clock) })
  return () =>
    client.send(
      {
        profile,
        secret: ConnectSecret.parse({ provider: 'connect', kind: 'aws_profile' }),
        tokens,
        clock,
        fetch,
        signal: AbortSignal.timeout(20_000),
        idempotencyKey: KEY,
      },
      task,
    )
}

/**
 * One attempt as the task sender makes it (a signal that never aborts: the limit must come from the
 * client), with a time limit of `limitMs`; its outcome and how long it took.
 */
async function attemptWithin(url: string, awsProfile: string, limitMs: number) {
  const client = createConnectClient({ endpointFor: () => url, timeoutMs: limitMs })
  const profile = ConnectProfile.parse({ ...drafts.connect, id: ID, credentialSource: 'aws_profile', awsProfile })
  const { clock } = handClock()
  const tokens = createTokenCache({ secrets: memorySecretStore(), clock, logger: createLogger(() => {}, clock) })
  const started = performance.now()
  const outcome = await client.send(
    {
      profile,
      secret: ConnectSecret.parse({ provider: 'connect', kind: 'aws_profile' }),
      tokens,
      clock,
      fetch,
      signal: new AbortController().signal,
      idempotencyKey: KEY,
    },
    task,
  )
  return { outcome, ms: performance.now() - started }
}

describe('Amazon Connect with a named profile of the AWS configuration', () => {
  it('credential_process: the real process gives the credentials, the task is signed with them', async () => {
    const { dir } = awsConfig('')
    writeFileSync(join(dir, 'config'), `[profile callboard-agent]\n${credentialProcess(dir, null)}`)
    const sim = await connectSim(PROCESS_KEY, PROCESS_SECRET, PROCESS_SESSION)
    const { clock } = handClock()
    const outcome = await sender(sim.url, 'callboard-agent', clock)()
    expect(outcome).toMatchObject({ kind: 'sent' })
    expect(sim.requests).toEqual([expect.objectContaining({ accessKeyId: PROCESS_KEY, verdict: 'ok' })])
    expect(runs(dir)).toBe(1)
  })

  it('credential_process credentials are asked for again five minutes before their Expiration', async () => {
    const time = handClock()
    vi.stubEnv('CALLBOARD_TEST_NOW', String(time.clock.now().getTime()))
    const { dir } = awsConfig('')
    writeFileSync(join(dir, 'config'), `[profile callboard-agent]\n${credentialProcess(dir, 15 * MINUTE)}`)
    const sim = await connectSim(PROCESS_KEY, PROCESS_SECRET, PROCESS_SESSION)
    const send = sender(sim.url, 'callboard-agent', time.clock)
    expect((await send()).kind).toBe('sent')
    time.advance(9 * MINUTE)
    expect((await send()).kind).toBe('sent')
    expect(runs(dir)).toBe(1)
    time.advance(2 * MINUTE) // 11 min: within five minutes of the 15
    expect((await send()).kind).toBe('sent')
    expect(runs(dir)).toBe(2)
  })

  it('a process that fails, or a profile the configuration lacks: needs_auth naming the profile', async () => {
    const { dir } = awsConfig('')
    writeFileSync(join(dir, 'config'), `[profile callboard-agent]\n${credentialProcess(dir, null, 3)}`)
    const sim = await connectSim(PROCESS_KEY, PROCESS_SECRET, PROCESS_SESSION)
    const { clock } = handClock()
    expect(inEnglish(await sender(sim.url, 'callboard-agent', clock)())).toMatchObject({
      kind: 'needs_auth',
      message: expect.stringContaining('“callboard-agent”'),
    })
    expect(inEnglish(await sender(sim.url, 'not-configured', clock)())).toMatchObject({
      kind: 'needs_auth',
      message: expect.stringContaining('“not-configured”'),
    })
    // Neither the environment's keys nor AWS_PROFILE stood in.
    expect(sim.requests).toEqual([])
  })

  it('sso-session: the token `aws sso login` cached gives the role credentials of the profile', async () => {
    const startUrl = 'https://d-9067c1d2e3.awsapps.com/start'
    let sim: Awaited<ReturnType<typeof connectSim>> | null = null
    const idc = await startIdentityCenterSimulator({
      startUrl,
      accounts: [{ accountId: '123456789012', accountName: 'contact-center', roles: ['ConnectAgent'] }],
      onRoleCredentials: (issued) => sim?.acceptCredentials(issued),
    })
    cleanups.push(idc.close)
    sim = await connectSim(secrets.connect.accessKeyId, secrets.connect.secretAccessKey, '')
    // The CLI's sign-in, done against the simulator: a registered client and a device-code token.
    const register = (await (
      await fetch(`${idc.url}/client/register`, {
        method: 'POST',
        body: JSON.stringify({ clientName: 'aws-cli', clientType: 'public', scopes: ['sso:account:access'] }),
      })
    ).json()) as { clientId: string; clientSecret: string }
    const device = (await (
      await fetch(`${idc.url}/device_authorization`, {
        method: 'POST',
        body: JSON.stringify({ ...register, startUrl }),
      })
    ).json()) as { deviceCode: string; userCode: string }
    idc.approve(device.userCode)
    const token = (await (
      await fetch(`${idc.url}/token`, {
        method: 'POST',
        body: JSON.stringify({
          ...register,
          grantType: 'urn:ietf:params:oauth:grant-type:device_code',
          deviceCode: device.deviceCode,
        }),
      })
    ).json()) as { accessToken: string }

    const { dir } = awsConfig(
      `[profile agent]\nsso_session = corp\nsso_account_id = 123456789012\nsso_role_name = ConnectAgent\nregion = us-east-1\n\n[sso-session corp]\nsso_start_url = ${startUrl}\nsso_region = us-east-1\nsso_registration_scopes = sso:account:access\n`,
    )
    // Where the SDK looks for the session's token: ~/.aws/sso/cache/<sha1 of the session name>.json.
    vi.stubEnv('HOME', dir)
    const cache = join(dir, '.aws', 'sso', 'cache')
    mkdirSync(cache, { recursive: true })
    writeFileSync(
      join(cache, `${createHash('sha1').update('corp').digest('hex')}.json`),
      JSON.stringify({
        startUrl,
        region: 'us-east-1',
        accessToken: token.accessToken,
        expiresAt: new Date(Date.now() + 3600_000).toISOString(),
      }),
    )
    // The access portal of the user's own configuration is reached where the environment says.
    vi.stubEnv('AWS_ENDPOINT_URL_SSO', idc.url)
    const { clock } = handClock()
    const outcome = await sender(sim.url, 'agent', clock)()
    expect(outcome).toMatchObject({ kind: 'sent' })
    expect(idc.issued).toHaveLength(1)
    expect(sim.requests).toEqual([expect.objectContaining({ accessKeyId: idc.issued[0]!.accessKeyId, verdict: 'ok' })])
  })
})

// Issue #13 B: every token endpoint has a hard time limit, the named AWS profile's too (the SDK's
// own providers: the access portal of an sso-session, a credential_process). Each ends within the
// attempt's limit + 1 s, nothing of the task sent, worth another try.
describe("a named AWS profile's credentials that never come: the attempt ends at its limit", () => {
  const SLACK_MS = 1000

  it('sso-session: an access portal that accepts GetRoleCredentials and never answers', async () => {
    const silent = await silentServer()
    cleanups.push(silent.close)
    const sim = await connectSim(secrets.connect.accessKeyId, secrets.connect.secretAccessKey, '')
    const startUrl = 'https://d-9067c1d2e3.awsapps.com/start'
    const { dir } = awsConfig(
      `[profile agent]\nsso_session = corp\nsso_account_id = 123456789012\nsso_role_name = ConnectAgent\nregion = us-east-1\n\n[sso-session corp]\nsso_start_url = ${startUrl}\nsso_region = us-east-1\nsso_registration_scopes = sso:account:access\n`,
    )
    vi.stubEnv('HOME', dir)
    const cache = join(dir, '.aws', 'sso', 'cache')
    mkdirSync(cache, { recursive: true })
    writeFileSync(
      join(cache, `${createHash('sha1').update('corp').digest('hex')}.json`),
      JSON.stringify({
        startUrl,
        region: 'us-east-1',
        accessToken: 'cached-portal-token',
        expiresAt: new Date(Date.now() + 3600_000).toISOString(),
      }),
    )
    vi.stubEnv('AWS_ENDPOINT_URL_SSO', `http://127.0.0.1:${silent.port}`)
    let arrivedAt = Number.NaN
    void silent.received.then(() => (arrivedAt = performance.now()))
    const { outcome } = await attemptWithin(sim.url, 'agent', SENT_THEN_SILENT_MS)
    const ms = performance.now() - arrivedAt
    expect(arrivedAt, 'the portal was asked').not.toBeNaN()
    expect(outcome).toMatchObject({ kind: 'retry' })
    expect(ms).toBeLessThan(SENT_THEN_SILENT_MS + SLACK_MS)
    expect(sim.requests).toEqual([])
  }, 60_000)

  it('credential_process: a process that never prints its credentials', async () => {
    const { dir } = awsConfig('')
    const script = join(dir, 'hangs.mjs')
    const pidFile = join(dir, 'pid')
    // It notes its pid (so the test ends it) and waits far past the limit.
    writeFileSync(
      script,
      `import { writeFileSync } from 'node:fs'\nwriteFileSync(${JSON.stringify(pidFile)}, String(process.pid))\nsetTimeout(() => {}, 120_000)\n`,
    )
    writeFileSync(
      join(dir, 'config'),
      `[profile callboard-agent]\ncredential_process = "${process.execPath}" "${script}"\n`,
    )
    cleanups.push(async () => {
      const pid = Number(readFileSync(pidFile, 'utf8'))
      try {
        process.kill(pid)
      } catch {
        // Already gone.
      }
    })
    const sim = await connectSim(PROCESS_KEY, PROCESS_SECRET, PROCESS_SESSION)
    const { outcome, ms } = await attemptWithin(sim.url, 'callboard-agent', SENT_THEN_SILENT_MS)
    expect(outcome).toMatchObject({ kind: 'retry' })
    expect(ms).toBeLessThan(SENT_THEN_SILENT_MS + SLACK_MS)
    expect(sim.requests).toEqual([])
  }, 60_000)
})
