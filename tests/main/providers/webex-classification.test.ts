import { afterEach, describe, expect, it } from 'vitest'
import { inEnglish, type InEnglish } from '../../shared/in-english'
import type { SendOutcome } from '../../../shared/schemas/send-outcome'
import { SendOutcome as SendOutcomeSchema } from '../../../shared/schemas/send-outcome'
import { Profile } from '../../../shared/schemas/profiles'
import type { ProviderSecret } from '../../../shared/schemas/credentials'
import type { WebexCreateTaskRequest } from '../../../shared/providers/webex/wire'
import type { WebexSendContext } from '../../../electron/main/providers/webex/webex-client'
import { createWebexClient } from '../../../electron/main/providers/webex/webex-client'
import { tokenAccount } from '../../../electron/main/secrets/credentials-service'
import { createLogger } from '../../../electron/main/core/logger'
import { systemClock } from '../../../electron/main/core/clock'
import { createTokenCache } from '../../../electron/main/secrets/token-cache'
import type { WebexFault } from '../../../electron/main/providers/webex/webex-simulator'
import { startWebexSimulator } from '../../../electron/main/providers/webex/webex-simulator'
import { drafts, secrets } from '../../shared/fixtures'
import { memorySecretStore } from '../memory-secret-store'
import { missingResponseClasses } from './response-classes'
import { ANSWERED_MS, SENT_THEN_SILENT_MS } from './time-limits'

// Issue #4 / reliability Q11: one row per response class, each sent by the real client (node:http
// transport, token cache, one refresh after a 401) to the Webex simulator over loopback HTTP.

const ID = '6f1c2a8e-4b7d-4c1e-9a3f-2d5b8e7c1a90'
const KEY = 'a8d3c0f2-1111-4e2b-9c3d-5e6f7a8b9c0d'
const PASTED = 'pasted-access-token-ok-1234'
const STALE = 'stale-cached-token-9999'
const cleanups: (() => Promise<void>)[] = []
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!()
})

const task: WebexCreateTaskRequest = {
  destination: '+14085550100',
  entryPointId: 'EP-outbound-1',
  mediaType: 'telephony',
  outboundType: 'CALLBACK',
  callback: { callbackOrigin: 'web', callbackType: 'immediate' },
}

interface Row {
  /** A fault set on the task endpoints before the send. */
  fault?: WebexFault
  /** How the profile signs in (default oauth). */
  auth?: 'oauth' | 'access_token'
  /** A stale access token in the keychain cache, which Webex refuses (401) once. */
  staleCachedToken?: boolean
  /** The send's signal has already timed out when the send starts. */
  timedOut?: boolean
  /** The client's per-request limit (default 2 s). */
  timeoutMs?: number
  outcome: Partial<InEnglish<SendOutcome>> & { kind: SendOutcome['kind'] } & Record<string, unknown>
  /** The simulator's ledger, in order: what reached Webex and how it was judged. */
  ledger: string[]
  /** Tasks that exist on Webex afterwards. */
  created: 0 | 1
}

const rows: Record<string, Row> = {
  '2xx → sent with the task id': {
    outcome: { kind: 'sent', httpStatus: 201 },
    ledger: ['issued', 'created'],
    created: 1,
  },
  '400 → rejected': {
    fault: { kind: 'status', status: 400 },
    outcome: { kind: 'rejected', httpStatus: 400, message: 'Webex refused the task as invalid.' },
    ledger: ['issued', 'fault_400'],
    created: 0,
  },
  '401 once → one refresh, resent, sent': {
    staleCachedToken: true,
    outcome: { kind: 'sent', httpStatus: 201 },
    ledger: ['unauthorized', 'issued', 'created'],
    created: 1,
  },
  '401 after the refresh too → needs_auth (one refresh only)': {
    fault: { kind: 'status', status: 401 },
    outcome: { kind: 'needs_auth', message: expect.stringContaining('Sign in to Webex again') },
    ledger: ['issued', 'fault_401', 'issued', 'fault_401'],
    created: 0,
  },
  '401 with a pasted token → needs_auth, no refresh': {
    auth: 'access_token',
    fault: { kind: 'status', status: 401 },
    outcome: { kind: 'needs_auth', message: expect.stringContaining('Paste a new access token') },
    ledger: ['fault_401'],
    created: 0,
  },
  '403 → rejected (scope)': {
    fault: { kind: 'status', status: 403 },
    outcome: { kind: 'rejected', httpStatus: 403, message: expect.stringContaining('cjp:user') },
    ledger: ['issued', 'fault_403'],
    created: 0,
  },
  '404 → rejected (wrong host or ids)': {
    fault: { kind: 'status', status: 404 },
    outcome: { kind: 'rejected', httpStatus: 404, message: expect.stringContaining('data center') },
    ledger: ['issued', 'fault_404'],
    created: 0,
  },
  '408 → retry, nothing created': {
    fault: { kind: 'status', status: 408 },
    outcome: { kind: 'retry', httpStatus: 408, delayMs: null, reason: expect.stringContaining('(408)') },
    ledger: ['issued', 'fault_408'],
    created: 0,
  },
  '409 duplicate → rejected as a conflict': {
    fault: { kind: 'status', status: 409, message: 'A task for this destination already exists.' },
    outcome: {
      kind: 'rejected',
      httpStatus: 409,
      message: 'Webex refused the task as a conflict with an existing one.',
      providerMessage: expect.stringMatching(/^A task for this destination already exists\. \(trackingId SIM_/),
    },
    ledger: ['issued', 'fault_409'],
    created: 0,
  },
  '422 → rejected': {
    fault: { kind: 'status', status: 422 },
    outcome: { kind: 'rejected', httpStatus: 422, message: 'Webex could not process the task.' },
    ledger: ['issued', 'fault_422'],
    created: 0,
  },
  '429 → retry after Retry-After': {
    fault: { kind: 'status', status: 429, retryAfterSeconds: 7 },
    outcome: { kind: 'retry', httpStatus: 429, delayMs: 7000 },
    ledger: ['issued', 'fault_429'],
    created: 0,
  },
  '500 → needs_review (Webex may have acted)': {
    fault: { kind: 'status', status: 500 },
    outcome: { kind: 'needs_review', message: expect.stringContaining('(HTTP 500)') },
    ledger: ['issued', 'fault_500'],
    created: 0,
  },
  '502 → needs_review': {
    fault: { kind: 'status', status: 502 },
    outcome: { kind: 'needs_review', message: expect.stringContaining('(HTTP 502)') },
    ledger: ['issued', 'fault_502'],
    created: 0,
  },
  '503 → retry after Retry-After': {
    fault: { kind: 'status', status: 503, retryAfterSeconds: 2 },
    outcome: { kind: 'retry', httpStatus: 503, delayMs: 2000 },
    ledger: ['issued', 'fault_503'],
    created: 0,
  },
  '504 → needs_review': {
    fault: { kind: 'status', status: 504 },
    outcome: { kind: 'needs_review', message: expect.stringContaining('(HTTP 504)') },
    ledger: ['issued', 'fault_504'],
    created: 0,
  },
  'connection refused → retry': {
    auth: 'access_token',
    fault: { kind: 'refuse' },
    outcome: { kind: 'retry', httpStatus: null, reason: 'Webex could not be reached (ECONNREFUSED).' },
    ledger: [],
    created: 0,
  },
  'timeout before sending → retry': {
    auth: 'access_token',
    timedOut: true,
    outcome: { kind: 'retry', httpStatus: null, reason: 'Webex could not be reached (no answer in time).' },
    ledger: [],
    created: 0,
  },
  'timeout before sending, during the token refresh → retry': {
    timedOut: true,
    outcome: { kind: 'retry', httpStatus: null, reason: expect.stringContaining('no answer in time') },
    ledger: [],
    created: 0,
  },
  'timeout after the body was sent → needs_review': {
    fault: { kind: 'blackhole' },
    timeoutMs: SENT_THEN_SILENT_MS,
    outcome: { kind: 'needs_review', message: expect.stringContaining('no answer came back in time') },
    ledger: ['issued', 'blackholed'],
    created: 0,
  },
  'connection reset after the body was sent → needs_review (and the task exists)': {
    fault: { kind: 'dropAfterBody' },
    outcome: { kind: 'needs_review', message: expect.stringContaining('connection broke before the answer') },
    ledger: ['issued', 'created', 'dropped'],
    created: 1,
  },
}

describe('Webex: every response class through the real client and the simulator', () => {
  it('has a row for every response class', () => {
    const names = Object.keys(rows)
    expect(missingResponseClasses(names)).toEqual([])
  })

  it.each(Object.entries(rows))('%s', async (_name, row) => {
    const s = await startWebexSimulator({
      clientId: secrets.webex.clientId,
      clientSecret: secrets.webex.clientSecret,
      refreshToken: secrets.webex.refreshToken,
      accessTokens: [PASTED],
      orgId: drafts.webex.orgId,
    })
    cleanups.push(s.close)
    if (row.fault) await s.setFault(row.fault)

    const auth = row.auth ?? 'oauth'
    const store = memorySecretStore(
      row.staleCachedToken
        ? {
            [tokenAccount(ID)]: JSON.stringify({
              accessToken: STALE,
              expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
            }),
          }
        : {},
    )
    const secret: ProviderSecret =
      auth === 'oauth' ? secrets.webex : { provider: 'webex', kind: 'access_token', accessToken: PASTED }
    const profile = Profile.parse({
      ...drafts.webex,
      id: ID,
      authMethod: auth,
      endpoint: { kind: 'custom', baseUrl: s.url },
      identityUrl: s.identityUrl,
    })
    if (profile.provider !== 'webex' || secret.provider !== 'webex') throw new Error('fixture')
    let signal = new AbortController().signal
    if (row.timedOut) {
      signal = AbortSignal.timeout(1)
      await new Promise((resolve) => setTimeout(resolve, 20))
      expect(signal.reason).toMatchObject({ name: 'TimeoutError' })
    }
    const context: WebexSendContext = {
      profile,
      secret,
      tokens: createTokenCache({ secrets: store, clock: systemClock, logger: createLogger(() => {}, systemClock) }),
      clock: systemClock,
      fetch,
      signal,
      idempotencyKey: KEY,
    }

    const outcome = await createWebexClient({ timeoutMs: row.timeoutMs ?? ANSWERED_MS }).send(context, task)

    expect(SendOutcomeSchema.parse(outcome)).toEqual(outcome)
    expect(inEnglish(outcome)).toMatchObject(row.outcome)
    const text = JSON.stringify(outcome)
    for (const value of [secrets.webex.clientSecret, secrets.webex.refreshToken, PASTED, STALE]) {
      expect(text).not.toContain(value)
    }
    expect(text).not.toMatch(/wx-at-/)
    expect(s.ledger.map((l) => l.verdict)).toEqual(row.ledger)
    expect(s.tasks).toHaveLength(row.created)
  })
})
