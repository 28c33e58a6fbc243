import { describe, expect, it, vi } from 'vitest'
import { inEnglish } from '../../shared/in-english'
import type { Outbox } from '../../../electron/main/outbox/outbox'
import { createOutbox } from '../../../electron/main/outbox/outbox'
import { memorySecretStore } from '../../../electron/main/secrets/memory-secret-store'
import { createCredentialsService, secretAccount } from '../../../electron/main/secrets/credentials-service'
import { createLogger } from '../../../electron/main/core/logger'
import { KeychainError } from '../../../electron/main/secrets/secret-store'
import type { TaskSenderDeps } from '../../../electron/main/providers/task-sender'
import type { HttpTransport } from '../../../electron/main/providers/http/http-transport'
import { mainProvider } from '../../../electron/main/providers/registry'
import { createTaskSender } from '../../../electron/main/providers/task-sender'
import type { TokenCache } from '../../../electron/main/secrets/token-cache'
import { createTokenCache } from '../../../electron/main/secrets/token-cache'
import type { TaskIntent } from '../../../shared/schemas/intents'
import { Profile } from '../../../shared/schemas/profiles'
import type { SendOutcome } from '../../../shared/schemas/send-outcome'
import { drafts, secrets } from '../../shared/fixtures'
import { createTestServices } from '../test-app-services'
import { memoryLog } from './memory-log'
import { virtualTime } from './virtual-time'

// A keychain that cannot be read at send time is this computer's problem, not the provider's: the
// task waits for the keychain with a reason that says so, and the provider's lane keeps its health
// (it was once marked offline and backed off, as if the provider had gone away).

const WEBEX = Profile.parse({ ...drafts.webex, id: '11111111-1111-4111-8111-111111111111' })
const outdial = (to: string): TaskIntent => ({
  kind: 'outdial',
  profileId: WEBEX.id,
  destination: to,
  entryPointId: 'EP-outbound-1',
  origin: '+14085550100',
})

function setup(options: { createClient?: TaskSenderDeps['createClient']; tokens?: TokenCache } = {}) {
  const time = virtualTime()
  const log = memoryLog()
  const store = memorySecretStore({ [secretAccount(WEBEX.id)]: JSON.stringify(secrets.webex) })
  const quiet = createLogger(() => undefined, time.clock)
  let providerCalls = 0
  const answer = async (): Promise<SendOutcome> => {
    providerCalls += 1
    return { kind: 'sent', providerId: `wx-${providerCalls}`, httpStatus: 201 }
  }
  // Every provider's client answers "sent" unless the test hands real ones.
  const createClient: TaskSenderDeps['createClient'] = options.createClient ?? (() => ({ send: answer }))
  let outbox: Outbox | null = null
  // Wired as the app wires it: the keychain working again lets waiting tasks go at once.
  const credentials = createCredentialsService({
    secrets: store,
    findProfile: (id) => (id === WEBEX.id ? WEBEX : undefined),
    clock: time.clock,
    logger: quiet,
    onKeychainAvailable: () => void outbox?.keychainAvailable(),
  })
  const sendTask = createTaskSender({
    findProfile: (id) => (id === WEBEX.id ? WEBEX : undefined),
    credentials,
    tokensFor: () => options.tokens ?? createTokenCache({ secrets: store, clock: time.clock, logger: quiet }),
    clientEnv: () => ({}),
    createClient,
    clock: time.clock,
    fetch,
    logger: quiet,
  })
  let ids = 0
  outbox = createOutbox({
    log,
    clock: time.clock,
    logger: quiet,
    newId: () => `00000000-0000-4000-8000-${String(++ids).padStart(12, '0')}`,
    findProfile: (id) => (id === WEBEX.id ? WEBEX : undefined),
    send: (entry) => sendTask({ taskId: entry.id, intent: entry.intent, idempotencyKey: entry.idempotencyKey }),
    onChanged: () => undefined,
    dispatcher: { timers: time.timers, random: () => 0.5, tickMs: 30_000 },
  })
  const sendings = () => log.events.filter((e) => e.t === 'sending').length
  return { time, store, credentials, outbox, sendings, providerCalls: () => providerCalls }
}

describe('a keychain problem at send time', () => {
  it('leaves the lane’s provider health alone and tells the agent the task waits for the keychain', async () => {
    const { time, store, outbox, providerCalls } = setup()
    store.setState('locked')
    await outbox.start()
    const entry = await outbox.submit(outdial('+14155550100'))
    await time.advance(10)
    expect(providerCalls()).toBe(0)
    expect(inEnglish(outbox.lanes())).toEqual([expect.objectContaining({ health: 'unknown', blockedUntil: null })])
    expect(inEnglish(outbox.get(entry.id))).toMatchObject({
      state: 'queued',
      // Nothing left the computer: it was not an attempt at the provider.
      attempts: 0,
      lastProblem: { message: expect.stringMatching(/keychain is locked/), httpStatus: null },
    })
  })

  it('keeps an online lane online, and sends as soon as the keychain works again', async () => {
    const { time, store, credentials, outbox, providerCalls } = setup()
    await outbox.start()
    await outbox.submit(outdial('+14155550100'))
    await time.advance(10)
    expect(outbox.lanes()[0]?.health).toBe('online')

    store.setState('unavailable')
    const waiting = await outbox.submit(outdial('+14155550101'))
    await time.advance(10)
    expect(inEnglish(outbox.lanes())).toEqual([expect.objectContaining({ health: 'online', blockedUntil: null })])
    expect(inEnglish(outbox.get(waiting.id)?.lastProblem?.message)).toMatch(/keychain is unavailable/)

    // The agent unlocks the keychain and presses "Test keychain": no backoff to wait out.
    store.setState('available')
    await credentials.health({ fresh: true })
    await time.settle()
    expect(inEnglish(outbox.get(waiting.id))).toMatchObject({ state: 'sent', attempts: 1 })
    expect(providerCalls()).toBe(2)
  })

  it('is the keychain’s problem too when the cached access token cannot be read', async () => {
    let requests = 0
    const transport: HttpTransport = async () => {
      requests += 1
      return { status: 201, headers: {}, body: '{"id":"wx"}' }
    }
    const { time, outbox } = setup({
      // The real clients, over a transport that counts the requests that would have left.
      createClient: (name, env) => mainProvider(name).createClient({ ...env, transport }),
      tokens: {
        get: async () => {
          throw new KeychainError('locked', 'locked', 'Secret Service: unlock prompt was dismissed')
        },
        invalidate: async () => undefined,
        peek: async () => null,
        put: async () => undefined,
        forget: async () => undefined,
      },
    })
    await outbox.start()
    const entry = await outbox.submit(outdial('+14155550100'))
    await time.advance(10)
    expect(requests).toBe(0)
    expect(inEnglish(outbox.lanes())).toEqual([expect.objectContaining({ health: 'unknown', blockedUntil: null })])
    expect(inEnglish(outbox.get(entry.id)?.lastProblem?.message)).toMatch(
      /keychain is locked, so the access token for Webex/,
    )
  })

  it('tries one task per short local wait while the keychain stays locked, not the whole backlog', async () => {
    const { time, store, outbox, sendings } = setup()
    store.setState('locked')
    await outbox.start()
    const queued = []
    for (let i = 0; i < 5; i++) queued.push(await outbox.submit(outdial(`+1415555010${i}`)))
    await time.advance(10)
    expect(sendings()).toBe(1)
    await time.advance(15_000)
    expect(sendings()).toBe(2)
    store.setState('available')
    await time.advance(15_000)
    expect(inEnglish(queued.map((e) => outbox.get(e.id)?.state))).toEqual(['sent', 'sent', 'sent', 'sent', 'sent'])
    expect(outbox.lanes()[0]?.health).toBe('online')
  })
})

describe('the app', () => {
  it('lets waiting tasks go when a keychain check finds the keychain working again', async () => {
    const { services, store } = await createTestServices()
    try {
      const keychainAvailable = vi.spyOn(services.outbox!, 'keychainAvailable')
      store.setState('locked')
      await services.dispatch('keychain:health', undefined)
      expect(keychainAvailable).not.toHaveBeenCalled()
      store.setState('available')
      await services.dispatch('keychain:health', undefined)
      expect(keychainAvailable).toHaveBeenCalledTimes(1)
    } finally {
      await services.close()
    }
  })
})
