import { trustSystemCertificates } from '../../../electron/main/net/system-certificates'
import type { Profile, ProviderSecret } from '../../../shared/providers/registry'
import { harness, sampleIntent } from '../providers/attempt-harness'

// One task attempt in a fresh process, as the app makes it: the system store is read by Node when
// the process starts, so "IT installed the CA" is a process started with it in its store
// (SSL_CERT_FILE). Prints the outcome as JSON on its last line.

interface ChildConfig {
  profile: Profile
  secret: ProviderSecret
  endpoint?: string
  /** Whether the app's start-up trust of the system store runs (as wireNetwork does). */
  trustSystem: boolean
}

async function main(): Promise<void> {
  const config = JSON.parse(process.env['CALLBOARD_TLS_CHILD'] ?? '{}') as ChildConfig
  if (config.trustSystem) trustSystemCertificates()
  const h = harness()
  const send = h.senderFor(config.profile, config.secret, {}, config.endpoint)
  const outcome = await send({ taskId: 't-1', intent: sampleIntent(config.profile), idempotencyKey: 'tls-child-key' })
  process.stdout.write(`${JSON.stringify(outcome)}\n`)
  await h.cleanup()
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(String(error instanceof Error ? error.stack : error))
    process.exit(1)
  },
)
