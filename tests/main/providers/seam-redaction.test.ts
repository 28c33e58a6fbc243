import { afterEach, describe, expect, it } from 'vitest'
import type { HttpTransport } from '../../../electron/main/providers/http/http-transport'
import type { ProviderClient } from '../../../electron/main/providers/provider-module'
import { createConnectionTester } from '../../../electron/main/providers/connection-tester'
import type { ProbeRegistry } from '../../../electron/main/providers/connection-tester'
import { mainProviders } from '../../../electron/main/providers/registry'
import { createTaskSender } from '../../../electron/main/providers/task-sender'
import { createCredentialsService } from '../../../electron/main/secrets/credentials-service'
import { createTokenCache } from '../../../electron/main/secrets/token-cache'
import { createLogger } from '../../../electron/main/core/logger'
import { systemClock } from '../../../electron/main/core/clock'
import type { ProviderName } from '../../../shared/providers/registry'
import { msg } from '../../../shared/i18n/message'
import { drafts, secrets } from '../../shared/fixtures'
import { inEnglish } from '../../shared/in-english'
import { memorySecretStore } from '../memory-secret-store'
import { harness, parse, sampleIntent, TOKEN_ANSWER } from './attempt-harness'
import { ANSWERED_MS } from './time-limits'

// Issue #13 B, "redaction in one place": the clients hand on what the provider said as it came,
// and the seam (the task sender for a send, the connection tester for a test) hides every secret
// of the request in it: the profile's, the tokens it used or renewed, and the temporary credentials
// a client obtained and told the seam of (`reveal`). Each case echoes one of them back.

const h = harness()
afterEach(() => h.cleanup())

/** A provider that refuses the request quoting its Authorization header and body back. */
const echoing: HttpTransport = async (request) => ({
  status: 400,
  headers: {},
  body: `bad request ${request.headers['authorization'] ?? ''} ${request.headers['x-itnio-key'] ?? ''} ${request.body}`,
})

const ROLE_SECRET = 'temporary-role-secret-0042'

describe('the task sender redacts what the client passed on as it came', () => {
  it('Webex: the pasted access token echoed in the refusal', async () => {
    const p = parse(
      { ...drafts.webex, authMethod: 'access_token', endpoint: { kind: 'custom', baseUrl: 'http://127.0.0.1:9' } },
      { provider: 'webex', kind: 'access_token', accessToken: 'pasted-token-1234' },
    )
    const { outcome } = await h.attemptAgainst(p.profile, p.secret, { transport: echoing, timeoutMs: ANSWERED_MS })
    expect(inEnglish(outcome)).toMatchObject({
      kind: 'rejected',
      providerMessage: expect.stringContaining('[redacted]'),
    })
    expect(JSON.stringify(outcome)).not.toContain('pasted-token-1234')
  })

  it('eGain: the access token the attempt obtained from the token endpoint', async () => {
    const token = await h.answering(() => TOKEN_ANSWER)
    const p = parse({ ...drafts.egain, tokenUrl: `${token.url}/token` }, secrets.egain)
    const { outcome } = await h.attemptAgainst(p.profile, p.secret, { transport: echoing, timeoutMs: ANSWERED_MS })
    expect(inEnglish(outcome)).toMatchObject({
      kind: 'rejected',
      providerMessage: expect.stringContaining('Bearer [redacted]'),
    })
    expect(JSON.stringify(outcome)).not.toContain('at-from-loopback')
  })

  it('voice broadcast: the API secret in the signed body', async () => {
    const secret = secrets.voice_broadcast
    const leaking: HttpTransport = async () => ({
      status: 200,
      headers: {},
      body: JSON.stringify({ status: '-22', reason: `bad ${secret.apiSecret}` }),
    })
    const p = parse({ ...drafts.voice_broadcast, baseUrl: 'http://127.0.0.1:9' }, secret)
    const { outcome } = await h.attemptAgainst(p.profile, p.secret, { transport: leaking, timeoutMs: ANSWERED_MS })
    expect(inEnglish(outcome)).toMatchObject({ kind: 'rejected', providerMessage: '-22 bad [redacted]' })
  })

  it('credentials a client obtained and revealed (an assumed role), in every spelling', async () => {
    const { profile, secret } = parse(drafts.aiccs, secrets.aiccs)
    const logger = createLogger(() => undefined, systemClock)
    const client: ProviderClient<ProviderName> = {
      async send(context) {
        context.reveal?.([ROLE_SECRET])
        return {
          kind: 'rejected',
          message: msg('sendOutcome.refusedStatus', { provider: 'AICCS', what: ROLE_SECRET, status: 400 }),
          providerMessage: `${ROLE_SECRET} ${encodeURIComponent(ROLE_SECRET)} ${Buffer.from(ROLE_SECRET).toString('base64')}`,
          httpStatus: 400,
        }
      },
    }
    const send = createTaskSender({
      findProfile: () => profile,
      credentials: {
        status: async (profileId) => ({ profileId, state: 'stored', hint: null }),
        read: async () => secret,
      },
      tokensFor: () => createTokenCache({ secrets: memorySecretStore(), clock: systemClock, logger }),
      clientEnv: () => ({}),
      createClient: <P extends ProviderName>() => client as ProviderClient<P>,
      clock: systemClock,
      fetch,
      logger,
    })
    const outcome = await send({ taskId: 't-1', intent: sampleIntent(profile), idempotencyKey: 'k-1' })
    expect(outcome.kind).toBe('rejected')
    expect(JSON.stringify(outcome)).not.toContain(ROLE_SECRET)
    expect(JSON.stringify(outcome)).not.toContain(Buffer.from(ROLE_SECRET).toString('base64'))
    expect(JSON.stringify(outcome)).toContain('[redacted]')
  })
})

describe('the connection tester redacts what the probe found as it came', () => {
  it('credentials a probe obtained and revealed, and the profile’s own secret', async () => {
    const { profile, secret } = parse(drafts.aiccs, secrets.aiccs)
    const logger = createLogger(() => undefined, systemClock)
    const store = memorySecretStore()
    const credentials = createCredentialsService({
      secrets: store,
      findProfile: () => profile,
      clock: systemClock,
      logger,
    })
    await credentials.set(profile.id, secret)
    const probes: ProbeRegistry = {
      ...Object.fromEntries(Object.entries(mainProviders).map(([name, module]) => [name, module.probe])),
      aiccs: async (context) => {
        context.reveal?.([ROLE_SECRET])
        return {
          outcome: 'auth_rejected',
          message: msg('probe.unreachable', { where: 'AICCS', detail: ROLE_SECRET }),
          providerMessage: `${ROLE_SECRET} ${context.secret.accessKeySecret}`,
          httpStatus: 400,
        }
      },
    } as ProbeRegistry
    const test = createConnectionTester({
      credentials,
      findProfile: () => profile,
      tokens: createTokenCache({ secrets: store, clock: systemClock, logger }),
      probes,
      clock: systemClock,
      logger,
      fetch,
    })
    const result = await test(profile.id)
    expect(result.providerMessage).toBe('[redacted] [redacted]')
    expect(JSON.stringify(result)).not.toContain(ROLE_SECRET)
  })
})
