import { describe, expect, it } from 'vitest'
import { createOutbox } from '../../../electron/main/outbox/outbox'
import { memorySecretStore } from '../../../electron/main/secrets/memory-secret-store'
import { createCredentialsService, secretAccount } from '../../../electron/main/services/credentials-service'
import { createLogger } from '../../../electron/main/services/logger'
import type { ProviderClients } from '../../../electron/main/services/task-sender'
import { attemptOf, createTaskSender } from '../../../electron/main/services/task-sender'
import { createTokenCache } from '../../../electron/main/services/token-cache'
import { Profile } from '../../../shared/schemas/profiles'
import type { SendOutcome } from '../../../shared/schemas/send-outcome'
import { drafts, secrets } from '../../shared/fixtures'
import { memoryLog } from './memory-log'
import { virtualTime } from './virtual-time'

// The queue checks a task's deadline before an attempt; the journal write and the keychain come
// between that check and the request. When they take long (an unlock prompt, a starved machine:
// the soak once saw a Webex task created 1.8 s after its deadline), the request must not leave:
// the deadline is checked again right before it, nothing reaches the provider, and the task
// expires with its own reason, the provider's lane none the wiser.

const WEBEX = Profile.parse({ ...drafts.webex, id: '11111111-1111-4111-8111-111111111111' })
const OUTDIAL_LIFE_MS = 15 * 60_000

function setup(keychainTakesMs: number) {
  const time = virtualTime()
  const log = memoryLog()
  const quiet = createLogger(() => undefined, time.clock)
  const store = memorySecretStore({ [secretAccount(WEBEX.id)]: JSON.stringify(secrets.webex) })
  // The first read of the credentials takes this long (the wall clock moves on meanwhile).
  let slow = true
  const slowStore = {
    ...store,
    get: async (account: string) => {
      if (account === secretAccount(WEBEX.id) && slow) {
        slow = false
        time.jumpWall(keychainTakesMs)
      }
      return store.get(account)
    },
  }
  let providerCalls = 0
  const answer = async (): Promise<SendOutcome> => {
    providerCalls += 1
    return { kind: 'sent', providerId: `wx-${providerCalls}`, httpStatus: 201 }
  }
  const clients: ProviderClients = {
    webex: { send: answer, scheduleCallback: answer },
    egain: { send: answer },
    connect: { send: answer },
    aiccs: { send: answer },
    voice_broadcast: { send: answer },
  }
  const findProfile = (id: string) => (id === WEBEX.id ? WEBEX : undefined)
  const credentials = createCredentialsService({ secrets: slowStore, findProfile, clock: time.clock, logger: quiet })
  const sendTask = createTaskSender({
    findProfile,
    credentials,
    tokensFor: () => createTokenCache({ secrets: store, clock: time.clock, logger: quiet }),
    clientsFor: () => clients,
    clock: time.clock,
    fetch,
    logger: quiet,
  })
  let ids = 0
  const outbox = createOutbox({
    log,
    clock: time.clock,
    logger: quiet,
    newId: () => `00000000-0000-4000-8000-${String(++ids).padStart(12, '0')}`,
    findProfile,
    send: (entry) => sendTask(attemptOf(entry)),
    onChanged: () => undefined,
    dispatcher: { timers: time.timers, random: () => 0.5, tickMs: 30_000 },
  })
  return { time, log, outbox, providerCalls: () => providerCalls }
}

const outdial = {
  kind: 'outdial' as const,
  profileId: WEBEX.id,
  destination: '+14155550100',
  entryPointId: 'EP-outbound-1',
  origin: '+14085550100',
}

describe('the deadline, right before the request leaves', () => {
  it('passed while the keychain was read: nothing sent, expired with its own reason, the lane untouched', async () => {
    const { time, log, outbox, providerCalls } = setup(OUTDIAL_LIFE_MS + 1_000)
    await outbox.start()
    const entry = await outbox.submit(outdial)
    await time.advance(10)
    expect(providerCalls()).toBe(0)
    expect(outbox.get(entry.id)).toMatchObject({
      state: 'expired',
      attempts: 0,
      lastProblem: { message: entry.deadlineReason },
    })
    expect(log.events.map((e) => e.t)).toEqual(['queued', 'sending', 'outcome', 'expired'])
    expect(outbox.lanes()).toEqual([expect.objectContaining({ health: 'unknown', blockedUntil: null })])
  })

  it('still ahead after a slow keychain: sent as usual', async () => {
    const { time, outbox, providerCalls } = setup(OUTDIAL_LIFE_MS - 60_000)
    await outbox.start()
    const entry = await outbox.submit(outdial)
    await time.advance(10)
    expect(providerCalls()).toBe(1)
    expect(outbox.get(entry.id)).toMatchObject({ state: 'sent', attempts: 1 })
  })
})
