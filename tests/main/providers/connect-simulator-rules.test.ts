import type { StartTaskContactCommandInput } from '@aws-sdk/client-connect'
import { ConnectClient, StartTaskContactCommand } from '@aws-sdk/client-connect'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ConnectSimulator } from '../../../electron/main/providers/connect/connect-simulator'
import { startConnectSimulator } from '../../../electron/main/providers/connect/connect-simulator'
import { connectStartTaskSchema } from '../../../shared/providers/connect/wire'
import { secrets } from '../../shared/fixtures'
import { DAY, HOUR, connectCases } from '../../shared/wire/connect-cases'

// The simulator's StartTaskContact rules against the same table the schema tests use: every valid
// sample is accepted by our schema and, sent raw through the official SDK (which checks nothing:
// it serialises whatever it is given), created by the simulator; every invalid row is refused by
// our schema and, sent raw, refused by the simulator in Connect's restJson1 error shape, with
// nothing created (or, for the rows marked schema-only, created: the schema is the stricter one).

const REGION = 'eu-central-1'
/** The simulator's clock is frozen here, so the ScheduledTime rows are judged at exactly `now`. */
const FROZEN = Date.now()
const now = new Date(FROZEN)
const { MINIMAL, VALID, INVALID } = connectCases(now)
const schema = connectStartTaskSchema(now)

const instanceIds = [...VALID.map(([, value]) => (value as { InstanceId: string }).InstanceId), MINIMAL.InstanceId]

let s: ConnectSimulator
beforeAll(async () => {
  s = await startConnectSimulator({
    accessKeyId: secrets.connect.accessKeyId,
    secretAccessKey: secrets.connect.secretAccessKey,
    region: REGION,
    instances: [...new Set(instanceIds)].map((id) => ({ id })),
    rateLimit: null,
    clock: () => FROZEN,
  })
})
afterAll(() => s.close())

type Raw = { ok: true; contactId: string } | { ok: false; name: string; status: unknown; message: string }

/** StartTaskContact straight through the SDK: no schema, no client of ours. */
async function sendRaw(input: unknown, options: { systemClockOffset?: number } = {}): Promise<Raw> {
  const client = new ConnectClient({
    region: REGION,
    credentials: { accessKeyId: secrets.connect.accessKeyId, secretAccessKey: secrets.connect.secretAccessKey },
    endpoint: s.url,
    maxAttempts: 1,
    ...options,
  })
  try {
    const output = await client.send(new StartTaskContactCommand(input as StartTaskContactCommandInput))
    return { ok: true, contactId: output.ContactId ?? '' }
  } catch (error) {
    const e = error as Error & { $metadata?: { httpStatusCode?: unknown } }
    return { ok: false, name: e.name, status: e.$metadata?.httpStatusCode, message: e.message }
  } finally {
    client.destroy()
  }
}

describe('Connect simulator: the seed samples are accepted by our schema and created when sent raw', () => {
  it.each(VALID)('%s', async (_name, value) => {
    expect(schema.safeParse(value).error?.issues ?? []).toEqual([])
    const before = s.tasks.length
    const answer = await sendRaw(value)
    expect(answer).toMatchObject({ ok: true, contactId: expect.stringMatching(/^[0-9a-f-]{36}$/) })
    expect(s.tasks).toHaveLength(before + 1)
    expect(s.requests.at(-1)).toMatchObject({ operation: 'StartTaskContact', verdict: 'ok', status: 200 })
  })
})

describe('Connect simulator: one row per documented rule, refused by our schema and by the simulator', () => {
  it.each(INVALID)('%s', async (_name, value, _paths, wire) => {
    expect(schema.safeParse(value).success, 'our schema should refuse it').toBe(false)
    const before = s.tasks.length
    const requestsBefore = s.requests.length
    const answer = await sendRaw(value)
    // The SDK enforces none of these rules: every row reaches the service.
    expect(s.requests).toHaveLength(requestsBefore + 1)
    if ('refused' in wire) {
      expect(answer).toMatchObject({ ok: false, name: wire.refused, status: 400 })
      expect(s.requests.at(-1)).toMatchObject({ verdict: 'invalid', status: 400, errorType: wire.refused })
      expect(s.tasks).toHaveLength(before)
    } else {
      expect(answer, wire.schemaOnly).toMatchObject({ ok: true })
      expect(s.tasks).toHaveLength(before + 1)
    }
  })

  it('refuses in restJson1: x-amzn-errortype and a JSON body with Message', async () => {
    const requestsBefore = s.requests.length
    const answer = await sendRaw({ ...MINIMAL, Attributes: { 'a.b': 'x' } })
    expect(answer).toMatchObject({
      ok: false,
      name: 'InvalidParameterException',
      message: expect.stringMatching(/a\.b/),
    })
    expect(s.requests[requestsBefore]).toMatchObject({ errorType: 'InvalidParameterException' })
  })
})

describe('Connect simulator: rules that depend on state or on the clock', () => {
  it('an instance the account does not have: ResourceNotFoundException (404), nothing created', async () => {
    const before = s.tasks.length
    expect(await sendRaw({ ...MINIMAL, InstanceId: 'no-such-instance' })).toMatchObject({
      ok: false,
      name: 'ResourceNotFoundException',
      status: 404,
    })
    expect(s.tasks).toHaveLength(before)
  })

  it('a thirteenth task on one PreviousContactId: ServiceQuotaExceededException (402)', async () => {
    const previous = 'chain-head-0001'
    for (let i = 0; i < 12; i++)
      expect(await sendRaw({ ...MINIMAL, PreviousContactId: previous })).toMatchObject({ ok: true })
    const before = s.tasks.length
    expect(await sendRaw({ ...MINIMAL, PreviousContactId: previous })).toMatchObject({
      ok: false,
      name: 'ServiceQuotaExceededException',
      status: 402,
    })
    expect(s.tasks).toHaveLength(before)
  })

  it('the same ClientToken again: the same ContactId, one effect', async () => {
    const token = 'rules-idempotency-0001'
    const first = await sendRaw({ ...MINIMAL, ClientToken: token })
    const again = await sendRaw({ ...MINIMAL, ClientToken: token })
    expect(first).toMatchObject({ ok: true })
    expect(again).toEqual(first)
    expect(s.effects.get(token)).toBe(1)
  })

  it('ScheduledTime is judged on the simulator’s clock, not the caller’s', async () => {
    // A simulator two days ahead (the SDK signs with the same offset, so SigV4 passes): a time one
    // day ahead of real time is in its past, and five days ahead is within its six.
    const offset = 2 * DAY
    const ahead = await startConnectSimulator({
      accessKeyId: secrets.connect.accessKeyId,
      secretAccessKey: secrets.connect.secretAccessKey,
      instances: [{ id: MINIMAL.InstanceId }],
      clockOffsetMs: offset,
    })
    try {
      const send = async (at: number) => {
        const client = new ConnectClient({
          region: REGION,
          credentials: {
            accessKeyId: secrets.connect.accessKeyId,
            secretAccessKey: secrets.connect.secretAccessKey,
          },
          endpoint: ahead.url,
          maxAttempts: 1,
          systemClockOffset: offset,
        })
        try {
          await client.send(new StartTaskContactCommand({ ...MINIMAL, ScheduledTime: new Date(at) }))
          return 'created'
        } catch (error) {
          return (error as Error).name
        } finally {
          client.destroy()
        }
      }
      expect(await send(Date.now() + DAY)).toBe('InvalidRequestException')
      expect(await send(Date.now() + 2 * DAY + HOUR)).toBe('created')
      expect(await send(Date.now() + 8 * DAY + HOUR)).toBe('InvalidRequestException')
      expect(ahead.tasks).toHaveLength(1)
    } finally {
      await ahead.close()
    }
  })
})
