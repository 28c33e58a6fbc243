import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { StartTaskContactCommand } from '@aws-sdk/client-connect'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { Profile, ProviderSecret } from '../../../shared/providers/registry'
import type { SendOutcome } from '../../../shared/schemas/send-outcome'
import { connectSdkClient } from '../../../electron/main/providers/connect/connect-sdk'
import { callCreateAiCallTask } from '../../../electron/main/providers/aiccs/aiccs-rpc'
import { drafts, secrets } from '../../shared/fixtures'
import { harness, parse, TOKEN_ANSWER } from './attempt-harness'
import { closedPort } from './net-fixtures'
import { NEVER_ANSWERED_MS, SENT_THEN_SILENT_MS } from './time-limits'

// Issue #13 B: every attempt has a hard time limit that fires. Each case points one provider's
// request (or its token endpoint) at a loopback server that accepts the request and never answers;
// the attempt, made the way the queue makes it (task sender → the registry's client), must end
// with its outcome class within the configured limit plus one second of the request arriving (the
// hang begins there), or of the attempt's start when the limit came before the request did. Nothing here
// waits on a margin the machine's speed decides: the silent server can only end it by the limit.

const h = harness()
afterEach(() => h.cleanup())

/** When the last request reached a silent server (performance.now()). */
let arrivedAt = Number.NaN
/**
 * A silent server; when the request arrives, the time is noted and garbage is collected: a time
 * limit held only weakly (an `AbortSignal.timeout` inside `AbortSignal.any`, nodejs/node#57736)
 * is collected then and never fires.
 */
async function silentUrl(): Promise<{ url: string; port: number }> {
  const silent = await h.silentUrl()
  arrivedAt = Number.NaN
  void silent.received.then(() => {
    arrivedAt = performance.now()
    collectGarbage()
  })
  return silent
}

function collectGarbage(): void {
  setFlagsFromString('--expose-gc')
  ;(runInNewContext('gc') as () => void)()
}
const SLACK_MS = 1000
// Long enough that the token and the connection fit before it on a loaded machine (the outcome
// class depends on the request having left); each case still ends within it + 1 s of arriving.
const ATTEMPT_LIMIT_MS = SENT_THEN_SILENT_MS
const env = { timeoutMs: ATTEMPT_LIMIT_MS }

const attemptAgainst = (profile: Profile, secret: ProviderSecret, endpoint?: string) =>
  h.attemptAgainst(profile, secret, env, endpoint)

/** A token endpoint that answers every request with a fresh token (so the send itself is what hangs). */
async function answeringTokenEndpoint(): Promise<string> {
  return `${(await h.answering(() => TOKEN_ANSWER)).url}/oauth2/token`
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
      // The refresh goes to the identity host (a custom API base URL does not move it): that is
      // the silent one here.
      const p = parse({ ...drafts.webex, endpoint: { kind: 'custom', baseUrl: url }, identityUrl: url }, secrets.webex)
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
  // fetch, the AWS and Alibaba SDKs load parts of themselves on first use: done here, once, so a
  // loaded machine does not spend the short limit on it (an attempt against a closed port).
  beforeAll(async () => {
    const port = await closedPort()
    const warm = (profile: object, secret: object, endpoint?: string) => {
      const p = parse(profile, secret)
      return attemptAgainst(p.profile, p.secret, endpoint)
    }
    await warm({ ...drafts.egain, tokenUrl: `http://127.0.0.1:${port}/token` }, secrets.egain)
    await warm(drafts.connect, secrets.connect, `http://127.0.0.1:${port}`)
    await warm({ ...drafts.aiccs, endpoint: `127.0.0.1:${port}` }, secrets.aiccs)
  }, 120_000)

  it.each(cases)(
    '$name: $kind within the limit + 1 s of arriving, garbage collected meanwhile',
    async ({ name, run, kind }) => {
      const { outcome, ms: fromStart } = await run()
      // From when the request arrived; from the attempt's start if the limit came first.
      const reached = !Number.isNaN(arrivedAt)
      const ms = reached ? performance.now() - arrivedAt : fromStart
      console.info(`[hard-time-limits] ${name}: ended ${Math.round(ms)} ms after the request arrived → ${outcome.kind}`)
      // An attempt that failed elsewhere (a request sent to another host) proves nothing about the
      // limit: the silent server must be the one it waited on.
      expect(reached || fromStart >= ATTEMPT_LIMIT_MS, 'the request reached the silent server').toBe(true)
      expect(outcome.kind).toBe(kind)
      expect(ms).toBeLessThan(ATTEMPT_LIMIT_MS + SLACK_MS)
    },
    // The test's own bound is far above the assertion: a hang shows as a failed duration, not a timeout.
    120_000,
  )
})

describe("the SDKs' own limits fire too, without the seam's signal", () => {
  const never = new AbortController().signal

  it('Amazon Connect: the SDK handler throws at its requestTimeout (throwOnRequestTimeout)', async () => {
    const { url } = await silentUrl()
    const { profile, secret } = parse(drafts.connect, secrets.connect)
    if (profile.provider !== 'connect' || secret.provider !== 'connect' || !('accessKeyId' in secret)) {
      throw new Error('fixture')
    }
    const client = connectSdkClient(profile, secret, { endpoint: url, timeoutMs: NEVER_ANSWERED_MS })
    h.onCleanup(async () => client.destroy())
    const error: unknown = await client
      .send(
        new StartTaskContactCommand({ InstanceId: profile.instanceId, ContactFlowId: 'flow-1', Name: 'Limit test' }),
      )
      .catch((e: unknown) => e)
    const ms = performance.now() - arrivedAt
    console.info(`[hard-time-limits] Connect SDK alone: ${Math.round(ms)} ms`)
    expect(error).toMatchObject({ name: 'TimeoutError' })
    expect(ms).toBeLessThan(NEVER_ANSWERED_MS + SLACK_MS)
  }, 120_000)

  it('Alibaba Cloud AICCS: the transport gives up at its time limit', async () => {
    const { port } = await silentUrl()
    const { profile, secret } = parse({ ...drafts.aiccs, endpoint: `127.0.0.1:${port}` }, secrets.aiccs)
    if (profile.provider !== 'aiccs' || secret.provider !== 'aiccs') throw new Error('fixture')
    const answer = await callCreateAiCallTask(
      profile,
      secret,
      {},
      {
        timeoutMs: NEVER_ANSWERED_MS,
        signal: never,
        signedAt: new Date(),
      },
    )
    const ms = performance.now() - arrivedAt
    console.info(`[hard-time-limits] AICCS request alone: ${Math.round(ms)} ms`)
    expect(answer).toMatchObject({ kind: 'network', timedOut: true, phase: 'after_send' })
    expect(ms).toBeLessThan(NEVER_ANSWERED_MS + SLACK_MS)
  }, 120_000)
})
