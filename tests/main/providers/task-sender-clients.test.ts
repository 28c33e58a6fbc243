import { describe, expect, it } from 'vitest'
import type { ProviderSecret } from '@shared/providers/registry'
import type { SendOutcome } from '@shared/schemas/send-outcome'
import { Profile } from '@shared/schemas/profiles'
import { systemClock } from '../../../electron/main/core/clock'
import { createLogger } from '../../../electron/main/core/logger'
import type { TaskSenderDeps } from '../../../electron/main/providers/task-sender'
import { createTaskSender } from '../../../electron/main/providers/task-sender'
import { memorySecretStore } from '../../../electron/main/secrets/memory-secret-store'
import { createTokenCache } from '../../../electron/main/secrets/token-cache'
import { drafts, secrets } from '../../shared/fixtures'
import { sampleIntent } from './attempt-harness'

// One client per profile, made on its first task; a profile that signs out (or whose secret is
// gone) loses its client, and whatever the client held in memory with it (Amazon Connect's role
// credentials): the next task makes a new one, which must obtain everything again.

const PROFILE = Profile.parse({ ...drafts.webex, id: '22222222-2222-4222-8222-222222222222' })

function setup() {
  const logger = createLogger(() => undefined, systemClock)
  let secret: ProviderSecret | null = secrets.webex
  const made: number[] = []
  const createClient: TaskSenderDeps['createClient'] = () => {
    const client = made.length + 1
    made.push(client)
    return { send: async (): Promise<SendOutcome> => ({ kind: 'sent', providerId: `by-${client}`, httpStatus: 201 }) }
  }
  const send = createTaskSender({
    findProfile: () => PROFILE,
    credentials: {
      status: async (profileId) => ({ profileId, state: secret ? 'stored' : 'missing', hint: null }),
      read: async () => secret,
    },
    tokensFor: () => createTokenCache({ secrets: memorySecretStore(), clock: systemClock, logger }),
    clientEnv: () => ({}),
    createClient,
    clock: systemClock,
    fetch,
    logger,
  })
  let n = 0
  const attempt = () =>
    send({
      taskId: `t-${++n}`,
      intent: sampleIntent(PROFILE),
      idempotencyKey: `c0ffee00-4444-4e2b-9c3d-5e6f7a8b9c${String(n).padStart(2, '0')}`,
    })
  return { send, made, attempt, dropSecret: () => void (secret = null), restore: () => void (secret = secrets.webex) }
}

describe('the task sender’s client per profile', () => {
  it('is made once and kept across tasks', async () => {
    const w = setup()
    expect(await w.attempt()).toMatchObject({ kind: 'sent', providerId: 'by-1' })
    expect(await w.attempt()).toMatchObject({ kind: 'sent', providerId: 'by-1' })
    expect(w.made).toEqual([1])
  })

  it('goes when the profile signs out: the next task gets a new client', async () => {
    const w = setup()
    await w.attempt()
    w.send.forgetClient(PROFILE.id)
    expect(await w.attempt()).toMatchObject({ kind: 'sent', providerId: 'by-2' })
    expect(w.made).toEqual([1, 2])
  })

  it('goes when the profile’s secret is gone: the task waits for a sign-in, and the next client starts afresh', async () => {
    const w = setup()
    await w.attempt()
    w.dropSecret()
    expect((await w.attempt()).kind).toBe('needs_auth')
    w.restore()
    expect(await w.attempt()).toMatchObject({ kind: 'sent', providerId: 'by-2' })
  })
})
