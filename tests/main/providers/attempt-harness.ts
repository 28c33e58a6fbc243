import { createServer } from 'node:http'
import type { IncomingMessage, OutgoingHttpHeaders } from 'node:http'
import type { Profile, ProviderSecret } from '../../../shared/providers/registry'
import {
  Profile as ProfileSchema,
  ProviderSecret as SecretSchema,
  sampleTasks,
} from '../../../shared/providers/registry'
import type { SendOutcome } from '../../../shared/schemas/send-outcome'
import type { TaskIntent } from '../../../shared/schemas/intents'
import type { CachedToken } from '../../../shared/schemas/token'
import type { ClientEnv } from '../../../electron/main/providers/provider-module'
import { createTaskSender } from '../../../electron/main/providers/task-sender'
import { routedFetch } from '../../../electron/main/net/routed-fetch'
import { createTokenCache } from '../../../electron/main/secrets/token-cache'
import { createLogger } from '../../../electron/main/core/logger'
import { systemClock } from '../../../electron/main/core/clock'
import { memorySecretStore } from '../memory-secret-store'
import { silentServer } from './net-fixtures'

// One attempt per provider, made the way the queue makes it (task sender → the registry's client,
// the provider's sample task), against loopback servers that misbehave on purpose.

const ID = '1b7e2c9a-5d3f-4e8a-9c1b-2a3d4e5f6a7b'
const KEY = 'c0ffee00-3333-4e2b-9c3d-5e6f7a8b9c0d'

/** Closes what a test opened; call `cleanup()` after each test. */
export function harness() {
  const cleanups: (() => Promise<void>)[] = []

  /** The task sender for one profile, made as the app makes it (its client from the registry). */
  function senderFor(
    profile: Profile,
    secret: ProviderSecret,
    env: ClientEnv,
    endpoint?: string,
    providerOffsetMs = 0,
    /** A token the profile's cache holds already (what a sign-in kept): its renewal is then what is tried. */
    cached?: CachedToken,
  ) {
    const logger = createLogger(() => undefined, systemClock)
    const tokens = createTokenCache({ secrets: memorySecretStore(), clock: systemClock, logger })
    const seeded = cached ? tokens.put(profile.id, cached) : Promise.resolve()
    const send = createTaskSender({
      findProfile: () => profile,
      credentials: {
        status: async (profileId) => ({ profileId, state: 'stored', hint: null }),
        read: async () => secret,
      },
      tokensFor: () => tokens,
      clientEnv: () => env,
      endpointFor: () => endpoint,
      clock: systemClock,
      // As the app: fetch follows the proxy decision (direct for loopback).
      fetch: routedFetch(),
      logger,
      providerOffsetMs: () => providerOffsetMs,
    })
    return async (task: Parameters<typeof send>[0]) => {
      await seeded
      return send(task)
    }
  }

  /** One attempt for `profile` with its provider's sample task; its outcome and how long it took. */
  async function attemptAgainst(
    profile: Profile,
    secret: ProviderSecret,
    env: ClientEnv,
    endpoint?: string,
    /** The provider's clock minus ours, as the app would have learned it. */
    providerOffsetMs = 0,
    cached?: CachedToken,
  ): Promise<{ outcome: SendOutcome; ms: number }> {
    const send = senderFor(profile, secret, env, endpoint, providerOffsetMs, cached)
    const started = performance.now()
    const outcome = await send({ taskId: 't-1', intent: sampleIntent(profile), idempotencyKey: KEY })
    return { outcome, ms: performance.now() - started }
  }

  /** A loopback server that accepts requests and never answers. */
  async function silentUrl(): Promise<{ url: string; port: number; received: Promise<void> }> {
    const silent = await silentServer()
    cleanups.push(silent.close)
    return { url: `http://127.0.0.1:${silent.port}`, port: silent.port, received: silent.received }
  }

  /** A loopback server that answers each request as `answer` says (after reading its body). */
  async function answering(
    answer: (req: IncomingMessage) => { status: number; headers?: OutgoingHttpHeaders; body?: string },
  ): Promise<{ url: string; port: number; requests: IncomingMessage[] }> {
    const requests: IncomingMessage[] = []
    const server = createServer((req, res) => {
      requests.push(req)
      req.resume()
      req.on('end', () => {
        const { status, headers = {}, body = '' } = answer(req)
        res.writeHead(status, { 'content-type': 'application/json', ...headers })
        res.end(body)
      })
    })
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()))
    cleanups.push(() => new Promise<void>((r) => server.close(() => r())))
    const { port } = server.address() as { port: number }
    return { url: `http://127.0.0.1:${port}`, port, requests }
  }

  return {
    senderFor,
    attemptAgainst,
    silentUrl,
    answering,
    async cleanup() {
      while (cleanups.length) await cleanups.pop()!()
    },
    onCleanup: (close: () => Promise<void>) => cleanups.push(close),
  }
}

/** The provider's first sample task for `profile`. */
export function sampleIntent(profile: Profile): TaskIntent {
  const sample = sampleTasks(profile, new Date(), 'UTC')[0]
  if (!sample) throw new Error(`no sample task for ${profile.provider}`)
  return sample.intent
}

/** A token endpoint's good answer. */
export const TOKEN_ANSWER = {
  status: 200,
  body: JSON.stringify({ access_token: 'at-from-loopback', expires_in: 3600, token_type: 'Bearer' }),
}

/** A profile and secret for the harness's profile id, parsed as the app would. */
export const parse = (profile: object, secret: object) => ({
  profile: ProfileSchema.parse({ ...profile, id: ID }),
  secret: SecretSchema.parse(secret),
})
