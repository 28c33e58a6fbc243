import { afterEach, describe, expect, it } from 'vitest'
import { inEnglish } from '../../shared/in-english'
import type { AiccsSendContext, AiccsTaskParams } from '../../../electron/main/providers/aiccs/aiccs-client'
import { createAiccsClient } from '../../../electron/main/providers/aiccs/aiccs-client'
import { createAiccsProbe } from '../../../electron/main/providers/aiccs/connection-probe'
import type { AiccsSimulator, AiccsStsCredentials } from '../../../electron/main/providers/aiccs/aiccs-simulator'
import { startAiccsSimulator } from '../../../electron/main/providers/aiccs/aiccs-simulator'
import type { Clock } from '../../../electron/main/core/clock'
import { createLogger } from '../../../electron/main/core/logger'
import { createTokenCache } from '../../../electron/main/secrets/token-cache'
import { AiccsSecret } from '../../../shared/schemas/credentials'
import { AiccsProfile } from '../../../shared/schemas/profiles'
import { drafts, secrets } from '../../shared/fixtures'
import { memorySecretStore } from '../memory-secret-store'

// Alibaba Cloud AICCS signed with STS credentials: a RAM role assumed with the profile's AccessKey
// (STS AssumeRole, 2015-04-01, through the same official client) at a simulated STS, and an STS
// token stored with a temporary AccessKey. The AICCS simulator checks the ACS3 signature over every
// x-acs-* header, `x-acs-security-token` included, and that the token is the one its STS AccessKey
// was issued with and has not ended. Time is a hand-moved clock shared by the simulators.

const ID = '5b2c8e1f-4a3d-4c6b-9e8f-7a6b5c4d3e2f'
const KEY = 'a1b2c3d4-1111-4e2b-9c3d-5e6f7a8b9c0d'
const ROLE = 'acs:ram::1234567890123456:role/callboard-agent'
const MINUTE = 60_000

const cleanups: (() => Promise<void>)[] = []
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!()
})

const task: AiccsTaskParams = {
  TaskName: 'Renewal reminders',
  AgentId: 'agent-7',
  VirtualNumber: '057112345678',
  StartType: 'IMMEDIATE',
  CallTime: [{ startTime: '09:00:00', endTime: '18:00:00' }],
  CallDay: ['MONDAY', 'TUESDAY'],
}

function handClock() {
  let at = Date.now()
  const clock: Clock = { now: () => new Date(at), monotonicMs: () => at }
  return { clock, now: () => at, advance: (ms: number) => void (at += ms) }
}

interface World {
  sts: AiccsSimulator
  aiccs: AiccsSimulator
  time: ReturnType<typeof handClock>
  roles?: Record<string, { assumableBy: string[] }>
}

/**
 * An STS that lets the profile's AccessKey assume ROLE, and an AICCS account that accepts what it
 * hands out (with the end `accept` gives each, by count).
 */
async function world(accept: (issued: AiccsStsCredentials, count: number) => number = (c) => c.expiresAtMs) {
  const time = handClock()
  const aiccs = await startAiccsSimulator({
    accessKeyId: 'LTAIunusedaccountkey',
    accessKeySecret: 'unused-account-secret',
    clock: time.now,
    rateLimit: null,
  })
  cleanups.push(aiccs.close)
  let count = 0
  const roles = { [ROLE]: { assumableBy: [secrets.aiccs.accessKeyId] } }
  const sts = await startAiccsSimulator({
    accessKeyId: secrets.aiccs.accessKeyId,
    accessKeySecret: secrets.aiccs.accessKeySecret,
    clock: time.now,
    sts: {
      roles,
      onStsCredentials: (issued) => aiccs.acceptStsCredentials({ ...issued, expiresAtMs: accept(issued, ++count) }),
    },
  })
  cleanups.push(sts.close)
  return { sts, aiccs, time, roles }
}

function context(
  w: World,
  settings: Record<string, unknown> = {},
  secret: Record<string, unknown> = {},
): AiccsSendContext {
  return {
    profile: AiccsProfile.parse({
      ...drafts.aiccs,
      id: ID,
      endpoint: w.aiccs.host,
      credentialSource: 'sts_role',
      roleArn: ROLE,
      stsEndpoint: w.sts.host,
      ...settings,
    }),
    secret: AiccsSecret.parse({ ...secrets.aiccs, ...secret }),
    tokens: createTokenCache({
      secrets: memorySecretStore(),
      clock: w.time.clock,
      logger: createLogger(() => {}, w.time.clock),
    }),
    clock: w.time.clock,
    fetch,
    signal: AbortSignal.timeout(20_000),
    idempotencyKey: KEY,
  }
}

const assumed = (w: World) => w.sts.requests.filter((r) => r.action === 'AssumeRole')

describe('AICCS with a RAM role: STS AssumeRole, then x-acs-security-token', () => {
  it('assumes the role with the AccessKey and signs the task with the STS credentials and their token', async () => {
    const w = await world()
    const outcome = await createAiccsClient().send(context(w), task)
    expect(outcome).toMatchObject({ kind: 'sent', providerId: w.aiccs.tasks[0]!.taskId })
    expect(assumed(w)).toEqual([
      expect.objectContaining({
        accessKeyId: secrets.aiccs.accessKeyId,
        verdict: 'assumed',
        parameters: expect.objectContaining({
          RoleArn: ROLE,
          RoleSessionName: `callboard-${ID}`,
          DurationSeconds: '3600',
        }),
      }),
    ])
    const [issued] = w.sts.issued
    const [request] = w.aiccs.requests
    expect(request).toMatchObject({ action: 'CreateAiCallTask', accessKeyId: issued!.accessKeyId, verdict: 'created' })
    expect(request!.headers['x-acs-security-token']).toBe(issued!.securityToken)
    expect(request!.authorization).toMatch(/SignedHeaders=[^,]*x-acs-security-token/)
  })

  it('renews the STS credentials five minutes before they end, not earlier', async () => {
    const w = await world()
    const client = createAiccsClient()
    const send = (name: string) => client.send({ ...context(w), idempotencyKey: `${KEY}-${name}` }, task)
    expect((await send('a')).kind).toBe('sent')
    w.time.advance(50 * MINUTE)
    expect((await send('b')).kind).toBe('sent')
    expect(assumed(w)).toHaveLength(1)
    w.time.advance(6 * MINUTE)
    expect((await send('c')).kind).toBe('sent')
    expect(assumed(w)).toHaveLength(2)
    expect(new Set(w.aiccs.requests.map((r) => r.accessKeyId)).size).toBe(2)
  })

  it('Alibaba Cloud calls the token expired: the role is assumed again once, silently, and the task goes', async () => {
    const w = await world((issued, count) => (count === 1 ? 0 : issued.expiresAtMs))
    const outcome = await createAiccsClient().send(context(w), task)
    expect(outcome.kind).toBe('sent')
    expect(w.aiccs.requests.map((r) => r.code)).toEqual(['InvalidSecurityToken.Expired', 'OK'])
    expect(assumed(w)).toHaveLength(2)
    expect(w.aiccs.tasks).toHaveLength(1)
  })

  it('expired again: needs_auth, the STS secrets hidden from the words', async () => {
    const w = await world(() => 0)
    const outcome = await createAiccsClient().send(context(w), task)
    expect(outcome).toMatchObject({
      kind: 'needs_auth',
      providerMessage: expect.stringContaining('InvalidSecurityToken.Expired'),
    })
    expect(w.aiccs.requests).toHaveLength(2)
    for (const issued of w.sts.issued) {
      expect(JSON.stringify(outcome)).not.toContain(issued.securityToken)
      expect(JSON.stringify(outcome)).not.toContain(issued.accessKeySecret)
    }
  })

  it('a role the AccessKey may not assume, or that does not exist: needs_auth saying which, nothing sent', async () => {
    const w = await world()
    const other = 'acs:ram::1234567890123456:role/somebody-else'
    const client = createAiccsClient()
    expect(inEnglish(await client.send(context(w, { roleArn: other }), task))).toMatchObject({
      kind: 'needs_auth',
      message: expect.stringContaining('no RAM role with this ARN'),
      providerMessage: expect.stringContaining('EntityNotExist.Role'),
    })
    const denied = await startAiccsSimulator({
      accessKeyId: secrets.aiccs.accessKeyId,
      accessKeySecret: secrets.aiccs.accessKeySecret,
      clock: w.time.now,
      sts: { roles: { [ROLE]: { assumableBy: [] } } },
    })
    cleanups.push(denied.close)
    expect(inEnglish(await client.send(context(w, { stsEndpoint: denied.host }), task))).toMatchObject({
      kind: 'needs_auth',
      message: expect.stringContaining('sts:AssumeRole'),
      providerMessage: expect.stringContaining('NoPermission'),
    })
    expect(w.aiccs.requests).toHaveLength(0)
  })

  it('the role can no longer be assumed when its credentials are renewed: needs_auth after the one try', async () => {
    let roles: Record<string, { assumableBy: string[] }> | null = null
    const w = await world((issued, count) => {
      // After the first credentials, the RAM policy no longer lets the AccessKey assume the role.
      if (count === 1) roles![ROLE]!.assumableBy.length = 0
      return count === 1 ? 0 : issued.expiresAtMs
    })
    roles = w.roles
    expect(await createAiccsClient().send(context(w), task)).toMatchObject({
      kind: 'needs_auth',
      providerMessage: expect.stringContaining('NoPermission'),
    })
    expect(w.aiccs.requests).toHaveLength(1)
  })

  it('STS unreachable: retry, nothing sent to AICCS', async () => {
    const w = await world()
    await w.sts.close()
    expect(inEnglish(await createAiccsClient().send(context(w), task))).toMatchObject({
      kind: 'retry',
      reason: expect.stringContaining('Nothing was sent to AICCS'),
    })
    expect(w.aiccs.requests).toHaveLength(0)
  })

  it('Test connection assumes the role and proves the signature', async () => {
    const w = await world()
    const probe = createAiccsProbe()
    expect(await probe(context(w))).toMatchObject({ outcome: 'connected' })
    expect(w.aiccs.requests[0]!.headers['x-acs-security-token']).toBe(w.sts.issued[0]!.securityToken)
    expect(inEnglish(await probe(context(w, { roleArn: 'acs:ram::1234567890123456:role/missing' })))).toMatchObject({
      outcome: 'auth_rejected',
      message: expect.stringContaining('no RAM role'),
    })
  })
})

describe('AICCS with an STS token stored beside a temporary AccessKey', () => {
  async function stsAccount() {
    const time = handClock()
    const aiccs = await startAiccsSimulator({
      accessKeyId: 'STSnu3Kd8xTempKey01',
      accessKeySecret: 'temporary-access-key-secret-01',
      securityToken: 'CAIStemporary-security-token-Qm2x8Zp',
      clock: time.now,
    })
    cleanups.push(aiccs.close)
    return { aiccs, time }
  }
  const keys = { accessKeyId: 'STSnu3Kd8xTempKey01', accessKeySecret: 'temporary-access-key-secret-01' }

  it('is sent as x-acs-security-token, signed', async () => {
    const { aiccs, time } = await stsAccount()
    const w = { aiccs, sts: aiccs, time }
    const outcome = await createAiccsClient().send(
      context(
        w,
        { credentialSource: 'access_key', roleArn: '' },
        { ...keys, securityToken: 'CAIStemporary-security-token-Qm2x8Zp' },
      ),
      task,
    )
    expect(outcome.kind).toBe('sent')
    expect(aiccs.requests[0]!.authorization).toMatch(/SignedHeaders=[^,]*x-acs-security-token/)
  })

  it('an STS token past its end: needs_auth at once (there is no role to assume again)', async () => {
    const { aiccs, time } = await stsAccount()
    aiccs.acceptStsCredentials({
      ...keys,
      accessKeyId: 'STSendedKey000001',
      securityToken: 'CAISended-token-00001',
      expiresAtMs: 0,
      roleArn: ROLE,
    })
    const w = { aiccs, sts: aiccs, time }
    const ended = context(
      w,
      { credentialSource: 'access_key', roleArn: '' },
      { ...keys, accessKeyId: 'STSendedKey000001', securityToken: 'CAISended-token-00001' },
    )
    expect(await createAiccsClient().send(ended, task)).toMatchObject({
      kind: 'needs_auth',
      providerMessage: expect.stringContaining('InvalidSecurityToken.Expired'),
    })
    expect(aiccs.requests).toHaveLength(1)
  })

  it('without its token, or with another, the gateway refuses: needs_auth', async () => {
    const { aiccs, time } = await stsAccount()
    const w = { aiccs, sts: aiccs, time }
    const client = createAiccsClient()
    const plain = context(w, { credentialSource: 'access_key', roleArn: '' }, keys)
    expect(await client.send(plain, task)).toMatchObject({
      kind: 'needs_auth',
      providerMessage: expect.stringContaining('InvalidSecurityToken.MismatchWithAccessKey'),
    })
    const other = context(
      w,
      { credentialSource: 'access_key', roleArn: '' },
      { ...keys, securityToken: 'CAISsomebody-elses-token-000' },
    )
    expect(await client.send(other, task)).toMatchObject({ kind: 'needs_auth' })
    expect(aiccs.tasks).toHaveLength(0)
  })
})
