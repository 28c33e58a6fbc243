import { afterEach, describe, expect, it } from 'vitest'
import { inEnglish, type InEnglish } from '../../shared/in-english'
import type { SendOutcome } from '../../../shared/schemas/send-outcome'
import { SendOutcome as SendOutcomeSchema } from '../../../shared/schemas/send-outcome'
import { Profile } from '../../../shared/schemas/profiles'
import type { EgainSendContext, EgainSendRequest } from '../../../electron/main/providers/egain/egain-client'
import { createEgainClient } from '../../../electron/main/providers/egain/egain-client'
import { tokenAccount } from '../../../electron/main/secrets/credentials-service'
import { createLogger } from '../../../electron/main/core/logger'
import { systemClock } from '../../../electron/main/core/clock'
import { createTokenCache } from '../../../electron/main/secrets/token-cache'
import type { EgainFault } from '../../../electron/main/providers/egain/egain-simulator'
import { startEgainSimulator } from '../../../electron/main/providers/egain/egain-simulator'
import { drafts, secrets } from '../../shared/fixtures'
import { memorySecretStore } from '../memory-secret-store'
import { missingResponseClasses } from './response-classes'
import { ANSWERED_MS, SENT_THEN_SILENT_MS } from './time-limits'

// Issue #4 / reliability Q11: one row per response class, each sent by the real client (node:http
// transport, token cache, one new token after a 401) to the eGain simulator over loopback HTTP.

const ID = '7a2c3b9f-5c8e-4d2f-8b4a-3e6c9f8d2b01'
const KEY = 'b9e4d1a3-2222-4f3c-8d4e-6f7a8b9c0d1e'
const CACHED = 'cached-token-not-issued-by-egain-7777'
const cleanups: (() => Promise<void>)[] = []
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!()
})

const task: EgainSendRequest = {
  acceptLanguage: 'en-US',
  query: { searchContactOnAttribute: 'email.emailAddress', createCustomer: 'yes' },
  body: {
    department: { name: 'Service' },
    type: { value: 'task', subtype: { value: 'General' } },
    subject: 'Follow up with customer',
    customer: { contacts: { contact: [{ firstName: 'Jane', email: [{ emailAddress: 'jane@example.com' }] }] } },
    payload: { task: { content: [{ type: 'text', value: 'Call back about invoice 42' }] } },
    status: { assigned: { user: { loginId: 'agent1' } } },
  },
}

interface Row {
  fault?: EgainFault
  /** A token in the keychain cache that eGain never issued: the send starts with it. */
  cachedToken?: boolean
  /** The send's signal has already timed out when the send starts. */
  timedOut?: boolean
  timeoutMs?: number
  outcome: Partial<InEnglish<SendOutcome>> & { kind: SendOutcome['kind'] } & Record<string, unknown>
  /** The token endpoint's verdicts. */
  tokens: string[]
  /** The task endpoint's verdicts. */
  requests: string[]
  created: 0 | 1
}

const rows: Record<string, Row> = {
  '2xx → sent with the id from Location': {
    outcome: { kind: 'sent', httpStatus: 201, providerId: '100001' },
    tokens: ['issued'],
    requests: ['created'],
    created: 1,
  },
  '400 → rejected': {
    fault: { kind: 'status', status: 400 },
    outcome: { kind: 'rejected', httpStatus: 400, providerMessage: 'Bad request. (400-100)' },
    tokens: ['issued'],
    requests: ['fault_400'],
    created: 0,
  },
  '401 once → one new token, resent, sent': {
    cachedToken: true,
    outcome: { kind: 'sent', httpStatus: 201 },
    tokens: ['issued'],
    requests: ['unauthorized', 'created'],
    created: 1,
  },
  '401 with the new token too → needs_auth (one new token only)': {
    fault: { kind: 'status', status: 401 },
    outcome: { kind: 'needs_auth', message: expect.stringContaining('even a freshly issued one') },
    tokens: ['issued', 'issued'],
    requests: ['fault_401', 'fault_401'],
    created: 0,
  },
  '403 → rejected (permissions)': {
    fault: { kind: 'status', status: 403 },
    outcome: { kind: 'rejected', httpStatus: 403, message: expect.stringContaining('app.core.casemgr.manage') },
    tokens: ['issued'],
    requests: ['fault_403'],
    created: 0,
  },
  '404 → rejected (wrong base URL)': {
    fault: { kind: 'status', status: 404 },
    outcome: { kind: 'rejected', httpStatus: 404, message: expect.stringContaining('API base URL') },
    tokens: ['issued'],
    requests: ['fault_404'],
    created: 0,
  },
  '406 → rejected (format or language)': {
    fault: { kind: 'status', status: 406 },
    outcome: { kind: 'rejected', httpStatus: 406, message: expect.stringContaining('(406)') },
    tokens: ['issued'],
    requests: ['fault_406'],
    created: 0,
  },
  '408 → retry, nothing created': {
    fault: { kind: 'status', status: 408 },
    outcome: { kind: 'retry', httpStatus: 408, delayMs: null, reason: expect.stringContaining('(408)') },
    tokens: ['issued'],
    requests: ['fault_408'],
    created: 0,
  },
  '409 duplicate → rejected as a conflict': {
    fault: { kind: 'status', status: 409, code: '409-100', message: 'The activity already exists.' },
    outcome: {
      kind: 'rejected',
      httpStatus: 409,
      message: 'eGain refused the task as a conflict with an existing one.',
      providerMessage: 'The activity already exists. (409-100)',
    },
    tokens: ['issued'],
    requests: ['fault_409'],
    created: 0,
  },
  '422 → rejected': {
    fault: { kind: 'status', status: 422 },
    outcome: { kind: 'rejected', httpStatus: 422, message: 'eGain could not process the task.' },
    tokens: ['issued'],
    requests: ['fault_422'],
    created: 0,
  },
  '429 → retry after Retry-After': {
    fault: { kind: 'status', status: 429, retryAfterSeconds: 9 },
    outcome: { kind: 'retry', httpStatus: 429, delayMs: 9000 },
    tokens: ['issued'],
    requests: ['fault_429'],
    created: 0,
  },
  '500 → needs_review (eGain may have acted)': {
    fault: { kind: 'status', status: 500 },
    outcome: { kind: 'needs_review', message: expect.stringContaining('(HTTP 500)') },
    tokens: ['issued'],
    requests: ['fault_500'],
    created: 0,
  },
  '502 → needs_review': {
    fault: { kind: 'status', status: 502 },
    outcome: { kind: 'needs_review', message: expect.stringContaining('(HTTP 502)') },
    tokens: ['issued'],
    requests: ['fault_502'],
    created: 0,
  },
  '503 → retry after Retry-After': {
    fault: { kind: 'status', status: 503, retryAfterSeconds: 4 },
    outcome: { kind: 'retry', httpStatus: 503, delayMs: 4000 },
    tokens: ['issued'],
    requests: ['fault_503'],
    created: 0,
  },
  '504 → needs_review': {
    fault: { kind: 'status', status: 504 },
    outcome: { kind: 'needs_review', message: expect.stringContaining('(HTTP 504)') },
    tokens: ['issued'],
    requests: ['fault_504'],
    created: 0,
  },
  'connection refused (the token request first) → retry': {
    fault: { kind: 'refuse' },
    outcome: { kind: 'retry', httpStatus: null, reason: expect.stringContaining('ECONNREFUSED') },
    tokens: [],
    requests: [],
    created: 0,
  },
  'connection refused with a cached token → retry': {
    fault: { kind: 'refuse' },
    cachedToken: true,
    outcome: { kind: 'retry', httpStatus: null, reason: 'eGain could not be reached (ECONNREFUSED).' },
    tokens: [],
    requests: [],
    created: 0,
  },
  'timeout before sending → retry': {
    cachedToken: true,
    timedOut: true,
    outcome: { kind: 'retry', httpStatus: null, reason: 'eGain could not be reached (no answer in time).' },
    tokens: [],
    requests: [],
    created: 0,
  },
  'timeout before sending, during the token request → retry': {
    timedOut: true,
    outcome: { kind: 'retry', httpStatus: null, reason: expect.stringContaining('no answer in time') },
    tokens: [],
    requests: [],
    created: 0,
  },
  'timeout after the body was sent → needs_review': {
    fault: { kind: 'blackhole' },
    timeoutMs: SENT_THEN_SILENT_MS,
    outcome: { kind: 'needs_review', message: expect.stringContaining('no answer came back in time') },
    tokens: ['issued'],
    requests: ['blackholed'],
    created: 0,
  },
  'connection reset after the body was sent → needs_review (and the activity exists)': {
    fault: { kind: 'dropAfterBody' },
    outcome: { kind: 'needs_review', message: expect.stringContaining('connection broke before the answer') },
    tokens: ['issued'],
    requests: ['created', 'dropped'],
    created: 1,
  },
}

describe('eGain: every response class through the real client and the simulator', () => {
  it('has a row for every response class', () => {
    const names = Object.keys(rows)
    expect(missingResponseClasses(names)).toEqual([])
  })

  it.each(Object.entries(rows))('%s', async (_name, row) => {
    const s = await startEgainSimulator({ clientId: drafts.egain.clientId, clientSecret: secrets.egain.clientSecret })
    cleanups.push(s.close)
    if (row.fault) await s.setFault(row.fault)
    const store = memorySecretStore(
      row.cachedToken
        ? {
            [tokenAccount(ID)]: JSON.stringify({
              accessToken: CACHED,
              expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
            }),
          }
        : {},
    )
    const profile = Profile.parse({ ...drafts.egain, id: ID, tokenUrl: s.tokenUrl, apiBaseUrl: s.url })
    const secret = secrets.egain
    if (profile.provider !== 'egain' || secret.provider !== 'egain') throw new Error('fixture')
    let signal = new AbortController().signal
    if (row.timedOut) {
      signal = AbortSignal.timeout(1)
      await new Promise((resolve) => setTimeout(resolve, 20))
      expect(signal.reason).toMatchObject({ name: 'TimeoutError' })
    }
    const context: EgainSendContext = {
      profile,
      secret,
      tokens: createTokenCache({ secrets: store, clock: systemClock, logger: createLogger(() => {}, systemClock) }),
      clock: systemClock,
      fetch,
      signal,
      idempotencyKey: KEY,
    }

    const outcome = await createEgainClient({ timeoutMs: row.timeoutMs ?? ANSWERED_MS }).send(context, task)

    expect(SendOutcomeSchema.parse(outcome)).toEqual(outcome)
    expect(inEnglish(outcome)).toMatchObject(row.outcome)
    const text = JSON.stringify(outcome)
    for (const value of [secrets.egain.clientSecret, CACHED]) expect(text).not.toContain(value)
    expect(text).not.toMatch(/eg-at-/)
    expect(s.ledger.map((l) => l.verdict)).toEqual(row.tokens)
    expect(s.requests.map((r) => r.verdict)).toEqual(row.requests)
    expect(s.activities).toHaveLength(row.created)
  })
})
