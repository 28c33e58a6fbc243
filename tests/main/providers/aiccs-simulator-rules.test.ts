import * as openapi from '@alicloud/openapi-core'
import { $OpenApiUtil } from '@alicloud/openapi-core'
import { RuntimeOptions } from '@darabonba/typescript'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AiccsSimulator, AiccsSimulatorOptions } from '../../../electron/main/providers/aiccs/aiccs-simulator'
import {
  AICCS_DUPLICATE_TASK_NAME_CODE,
  startAiccsSimulator,
} from '../../../electron/main/providers/aiccs/aiccs-simulator'
import { aiccsCreateAiCallTaskSchema, toAiccsQuery } from '../../../shared/providers/aiccs/wire'
import { secrets } from '../../shared/fixtures'
import { aiccsCases, rawAiccsQuery, withChange } from '../../shared/wire/aiccs-cases'

// The simulator's CreateAiCallTask rules against the same table the schema tests use: the seed's
// example is accepted by our schema and, sent raw through Alibaba's generic client (`callApi`, no
// schema, no client of ours), created; every refused row is refused by our schema and, sent raw,
// by the simulator with the gateway's error body and nothing created (or, for the rows marked
// schema-only, created: the schema is the stricter one).

/** The simulator's clock is frozen here, so a scheduled start is judged at exactly `now`. */
const FROZEN = Date.now()
const now = new Date(FROZEN)
const { seedExample, minimal, refusals } = aiccsCases(now)
const schema = aiccsCreateAiCallTaskSchema(now)

const Client = (
  typeof openapi.default === 'function' ? openapi.default : (openapi.default as unknown as { default: unknown }).default
) as typeof openapi.default

const sims: AiccsSimulator[] = []
const sim = async (options: Partial<AiccsSimulatorOptions> = {}) => {
  const s = await startAiccsSimulator({
    accessKeyId: secrets.aiccs.accessKeyId,
    accessKeySecret: secrets.aiccs.accessKeySecret,
    rateLimit: null,
    ...options,
  })
  sims.push(s)
  return s
}
let s: AiccsSimulator
beforeAll(async () => {
  s = await sim({ clock: () => FROZEN })
})
afterAll(async () => {
  for (const started of sims) await started.close()
})

type Raw =
  | { ok: true; status: number; body: string }
  | { ok: false; status: unknown; code: unknown; data: Record<string, unknown> }

/** CreateAiCallTask through `callApi`, signed ACS3-HMAC-SHA256, with the query exactly as given. */
async function sendRaw(host: string, query: Record<string, string>): Promise<Raw> {
  const protocol = 'HTTP'
  const client = new Client(
    new $OpenApiUtil.Config({
      accessKeyId: secrets.aiccs.accessKeyId,
      accessKeySecret: secrets.aiccs.accessKeySecret,
      endpoint: host,
      protocol,
      regionId: 'cn-shanghai',
    }),
  )
  const params = new $OpenApiUtil.Params({
    action: 'CreateAiCallTask',
    version: '2019-10-15',
    protocol,
    pathname: '/',
    method: 'POST',
    authType: 'AK',
    style: 'RPC',
    reqBodyType: 'formData',
    bodyType: 'string',
  })
  try {
    const answer = (await client.callApi(
      params,
      new $OpenApiUtil.OpenApiRequest({ query }),
      new RuntimeOptions({ autoretry: false }),
    )) as { statusCode: number; body: string }
    return { ok: true, status: answer.statusCode, body: answer.body }
  } catch (error) {
    const e = error as { statusCode?: unknown; code?: unknown; data?: Record<string, unknown> }
    return { ok: false, status: e.statusCode, code: e.code, data: e.data ?? {} }
  }
}

const CREATED = /^\{"RequestId":"[0-9A-F-]{36}","Code":"OK","Success":true,"Message":"","Data":\d+\}$/

describe('AICCS simulator: the seed’s example is accepted by our schema and created when sent raw', () => {
  it.each([
    ['the seed’s own example', seedExample],
    ['a minimal immediate task', minimal],
  ])('%s', async (_name, sample) => {
    const parsed = schema.safeParse(sample())
    expect(parsed.error?.issues ?? []).toEqual([])
    // The raw query is exactly what our client would send for it.
    expect(rawAiccsQuery(sample())).toEqual(toAiccsQuery(parsed.data!))
    const before = s.tasks.length
    const answer = await sendRaw(s.host, rawAiccsQuery(sample()))
    expect(answer).toMatchObject({ ok: true, status: 200, body: expect.stringMatching(CREATED) })
    expect(s.tasks).toHaveLength(before + 1)
  })
})

describe('AICCS simulator: one row per documented rule, refused by our schema and by the simulator', () => {
  it.each(refusals.map((row, i) => [...row, i] as const))('%s', async (_name, patch, path, wire, i) => {
    // A name of its own, so the rows never collide on the account's unique task names.
    const params = withChange(() => ({ ...seedExample(), TaskName: `rules-row-${i}` }), patch)
    const issues = schema.safeParse(params).error?.issues.map((issue) => issue.path.join('.')) ?? []
    expect(issues, 'our schema should refuse it').toContain(path)
    const before = s.tasks.length
    const answer = await sendRaw(s.host, rawAiccsQuery(params))
    if ('refused' in wire) {
      expect(answer).toMatchObject({
        ok: false,
        status: 400,
        code: wire.refused,
        data: {
          RequestId: expect.any(String),
          HostId: s.host,
          Code: wire.refused,
          Message: expect.any(String),
          Recommend: expect.any(String),
        },
      })
      expect(s.tasks).toHaveLength(before)
    } else {
      expect(answer, wire.schemaOnly).toMatchObject({ ok: true, status: 200 })
      expect(s.tasks).toHaveLength(before + 1)
    }
  })
})

describe('AICCS simulator: rules that depend on state or on the clock', () => {
  it('a TaskName the account holds already: TaskName.Duplicate, still one task', async () => {
    const query = rawAiccsQuery({ ...minimal(), TaskName: 'unique-name-check' })
    expect(await sendRaw(s.host, query)).toMatchObject({ ok: true })
    expect(await sendRaw(s.host, query)).toMatchObject({
      ok: false,
      status: 400,
      code: AICCS_DUPLICATE_TASK_NAME_CODE,
    })
    expect(s.effects('unique-name-check')).toBe(1)
  })

  it('a scheduled start is judged on the simulator’s clock, not the caller’s', async () => {
    // Ten minutes ahead: still inside the 15 minutes the signature time may differ.
    const ahead = await sim({ clockOffsetMs: 10 * 60_000 })
    const at = (ms: number, name: string) =>
      rawAiccsQuery({ ...seedExample(), TaskName: name, TaskStartTime: Date.now() + ms })
    expect(await sendRaw(ahead.host, at(5 * 60_000, 'in five minutes'))).toMatchObject({
      ok: false,
      code: 'InvalidParameter',
      data: { Message: expect.stringContaining('TaskStartTime') },
    })
    expect(await sendRaw(ahead.host, at(20 * 60_000, 'in twenty minutes'))).toMatchObject({ ok: true })
  })
})
