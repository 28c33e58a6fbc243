import { createServer } from 'node:http'
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { afterEach, describe, expect, it } from 'vitest'
import type { Profile, ProviderSecret } from '../../../shared/providers/registry'
import {
  Profile as ProfileSchema,
  ProviderSecret as SecretSchema,
  sampleTasks,
} from '../../../shared/providers/registry'
import type { SendOutcome } from '../../../shared/schemas/send-outcome'
import { createTaskSender } from '../../../electron/main/providers/task-sender'
import { createTokenCache } from '../../../electron/main/secrets/token-cache'
import { createLogger } from '../../../electron/main/core/logger'
import { systemClock } from '../../../electron/main/core/clock'
import { drafts, secrets } from '../../shared/fixtures'
import { memorySecretStore } from '../memory-secret-store'
import { silentServer } from './net-fixtures'
import { NEVER_ANSWERED_MS } from './time-limits'

// Issue #13 B: every attempt has a hard time limit that fires. Each case points one provider's
// request (or its token endpoint) at a loopback server that accepts the request and never answers;
// the attempt, made the way the queue makes it (task sender → the registry's client), must end
// with its outcome class within the configured limit plus one second. Nothing here waits on a
// margin the machine's speed decides: the silent server can only end the attempt by the limit.

const cleanups: (() => Promise<void>)[] = []
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!()
})

const ID = '1b7e2c9a-5d3f-4e8a-9c1b-2a3d4e5f6a7b'
const SLACK_MS = 1000

/** A token endpoint that answers every request with a fresh token (so the send itself is what hangs). */
async function answeringTokenEndpoint(): Promise<string> {
  const server = createServer((req, res) => {
    req.resume()
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/json' })
      res.end(JSON.stringify({ access_token: 'at-from-loopback', expires_in: 3600, token_type: 'Bearer' }))
    })
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()))
  cleanups.push(() => new Promise<void>((r) => server.close(() => r())))
  return `http://127.0.0.1:${(server.address() as { port: number }).port}/oauth2/token`
}

/** One attempt, made as the queue makes it, with the short limit; its outcome and how long it took. */
async function attemptAgainst(
  profile: Profile,
  secret: ProviderSecret,
  endpoint?: string,
): Promise<{ outcome: SendOutcome; ms: number }> {
  const logger = createLogger(() => undefined, systemClock)
  const tokens = createTokenCache({ secrets: memorySecretStore(), clock: systemClock, logger })
  const send = createTaskSender({
    findProfile: () => profile,
    credentials: { status: async () => ({ state: 'stored' }) as never, read: async () => secret },
    tokensFor: () => tokens,
    clientEnv: () => ({ timeoutMs: NEVER_ANSWERED_MS }),
    endpointFor: () => endpoint,
    clock: systemClock,
    fetch,
    logger,
  })
  const sample = sampleTasks(profile, new Date(), 'UTC')[0]
  if (!sample) throw new Error(`no sample task for ${profile.provider}`)
  const started = performance.now()
  const outcome = await send({
    taskId: 't-1',
    intent: sample.intent,
    idempotencyKey: 'c0ffee00-3333-4e2b-9c3d-5e6f7a8b9c0d',
  })
  const ms = performance.now() - started
  console.info(`[hard-time-limits] ${profile.provider}: ${Math.round(ms)} ms → ${outcome.kind}`)
  return { outcome, ms }
}

async function silentUrl(): Promise<{ url: string; port: number }> {
  const silent = await silentServer()
  cleanups.push(silent.close)
  return { url: `http://127.0.0.1:${silent.port}`, port: silent.port }
}

const parse = (profile: object, secret: object) => ({
  profile: ProfileSchema.parse({ ...profile, id: ID }),
  secret: SecretSchema.parse(secret),
})

/**
 * Collects garbage every 100 ms while an attempt runs: a time limit held only weakly (an
 * `AbortSignal.timeout` inside `AbortSignal.any`, nodejs/node#57736) is collected and never fires.
 */
function collectGarbageMeanwhile(): () => void {
  setFlagsFromString('--expose-gc')
  const gc = runInNewContext('gc') as () => void
  const timer = setInterval(gc, 100)
  return () => clearInterval(timer)
}

interface Case {
  name: string
  run: () => Promise<{ outcome: SendOutcome; ms: number }>
  kind: SendOutcome['kind']
}

const cases: Case[] = [
  {
    name: 'Webex task (pasted access token)',
    run: async () => {
      const { url } = await silentUrl()
      const p = parse(
        { ...drafts.webex, authMethod: 'access_token', endpoint: { kind: 'custom', baseUrl: url } },
        { provider: 'webex', kind: 'access_token', accessToken: 'pasted-token-1234' },
      )
      return attemptAgainst(p.profile, p.secret)
    },
    // Webex has no idempotency key: the request was sent, so the agent decides.
    kind: 'needs_review',
  },
  {
    name: 'Webex token refresh',
    run: async () => {
      const { url } = await silentUrl()
      const p = parse({ ...drafts.webex, endpoint: { kind: 'custom', baseUrl: url } }, secrets.webex)
      return attemptAgainst(p.profile, p.secret)
    },
    // Nothing of the task left: worth another try.
    kind: 'retry',
  },
  {
    name: 'eGain task',
    run: async () => {
      const { url } = await silentUrl()
      const tokenUrl = await answeringTokenEndpoint()
      const p = parse({ ...drafts.egain, apiBaseUrl: url, tokenUrl }, secrets.egain)
      return attemptAgainst(p.profile, p.secret)
    },
    kind: 'needs_review',
  },
  {
    name: 'eGain token',
    run: async () => {
      const { url } = await silentUrl()
      const p = parse({ ...drafts.egain, tokenUrl: `${url}/oauth2/token` }, secrets.egain)
      return attemptAgainst(p.profile, p.secret)
    },
    kind: 'retry',
  },
  {
    name: 'Amazon Connect StartTaskContact',
    run: async () => {
      const { url } = await silentUrl()
      const p = parse(drafts.connect, secrets.connect)
      return attemptAgainst(p.profile, p.secret, url)
    },
    // The ClientToken makes a resend harmless.
    kind: 'retry',
  },
  {
    name: 'Alibaba Cloud AICCS CreateAiCallTask',
    run: async () => {
      const { port } = await silentUrl()
      const p = parse({ ...drafts.aiccs, endpoint: `127.0.0.1:${port}` }, secrets.aiccs)
      return attemptAgainst(p.profile, p.secret)
    },
    // The task name is unique per account.
    kind: 'retry',
  },
  {
    name: 'voice broadcast',
    run: async () => {
      const { url } = await silentUrl()
      const p = parse({ ...drafts.voice_broadcast, baseUrl: url }, secrets.voice_broadcast)
      return attemptAgainst(p.profile, p.secret)
    },
    kind: 'retry',
  },
]

describe('a provider that accepts the request and never answers: the attempt ends at its limit', () => {
  it.each(cases)(
    '$name: $kind within the limit + 1 s, garbage collected meanwhile',
    async ({ run, kind }) => {
      const stop = collectGarbageMeanwhile()
      try {
        const { outcome, ms } = await run()
        expect(outcome.kind).toBe(kind)
        expect(ms).toBeLessThan(NEVER_ANSWERED_MS + SLACK_MS)
      } finally {
        stop()
      }
    },
    // The test's own bound is far above the assertion: a hang shows as a failed duration, not a timeout.
    120_000,
  )
})
