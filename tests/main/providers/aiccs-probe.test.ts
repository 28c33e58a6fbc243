import * as openapi from '@alicloud/openapi-core'
import { inEnglish } from '../../shared/in-english'
import { $OpenApiUtil } from '@alicloud/openapi-core'
import { RuntimeOptions } from '@darabonba/typescript'
import { afterEach, describe, expect, it } from 'vitest'
import { aiccsProtocol } from '../../../electron/main/providers/aiccs/aiccs-rpc'
import { createAiccsProbe } from '../../../electron/main/providers/aiccs/connection-probe'
import type { ProbeContext, ProbeFinding } from '../../../electron/main/providers/connection-probe'
import type { SecretOf } from '../../../shared/providers/registry'
import { systemClock } from '../../../electron/main/core/clock'
import { createLogger } from '../../../electron/main/core/logger'
import { createTokenCache } from '../../../electron/main/secrets/token-cache'
import type { AiccsSimulatorOptions } from '../../../electron/main/providers/aiccs/aiccs-simulator'
import { startAiccsSimulator } from '../../../electron/main/providers/aiccs/aiccs-simulator'
import { AiccsSecret } from '../../../shared/schemas/credentials'
import { AiccsProfile } from '../../../shared/schemas/profiles'
import { drafts, secrets } from '../../shared/fixtures'
import { memorySecretStore } from '../memory-secret-store'
import { closedPort, silentServer } from './net-fixtures'
import { ANSWERED_MS } from './time-limits'

const ID = '3c9d2f1a-7b6e-4d5c-8a9b-0e1f2a3b4c5d'
const cleanups: (() => Promise<void>)[] = []
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!()
})

const sim = (options: Partial<AiccsSimulatorOptions> = {}) =>
  startAiccsSimulator({
    accessKeyId: secrets.aiccs.accessKeyId,
    accessKeySecret: secrets.aiccs.accessKeySecret,
    ...options,
  }).then((s) => (cleanups.push(s.close), s))

function context(
  endpoint: string,
  secret: Partial<SecretOf<'aiccs'>> = {},
  signal = AbortSignal.timeout(ANSWERED_MS),
): ProbeContext<'aiccs'> {
  const store = memorySecretStore()
  const logger = createLogger(() => {}, systemClock)
  return {
    profile: AiccsProfile.parse({ ...drafts.aiccs, id: ID, endpoint }),
    secret: AiccsSecret.parse({ ...secrets.aiccs, ...secret }),
    tokens: createTokenCache({ secrets: store, clock: systemClock, logger }),
    clock: systemClock,
    fetch,
    signal,
  }
}

const probe = createAiccsProbe()

const SECRET_VALUES = [secrets.aiccs.accessKeySecret, 'wrong-aliyun-secret-0000']
function expectNoSecret(finding: ProbeFinding) {
  const text = JSON.stringify(finding)
  for (const value of SECRET_VALUES) expect(text).not.toContain(value)
}

const AUTHORIZATION =
  /^ACS3-HMAC-SHA256 Credential=([A-Za-z0-9]+),SignedHeaders=([a-z0-9-]+(?:;[a-z0-9-]+)*),Signature=([0-9a-f]{64})$/

/** Sends a recorded request again, by hand, with chosen headers changed. */
async function replay(
  url: string,
  recorded: { method: string; path: string; headers: Record<string, string> },
  change: Record<string, string> = {},
  body?: Blob,
) {
  const headers = { ...recorded.headers, ...change }
  for (const hop of ['host', 'connection', 'content-length']) delete headers[hop]
  const response = await fetch(`${url}${recorded.path}`, { method: recorded.method, headers, body })
  return { status: response.status, body: (await response.json()) as Record<string, unknown> }
}

describe('Alibaba Cloud AICCS connection probe (SDK → V3-signature-checking simulator)', () => {
  it('correct credentials: the gateway accepts the signature and asks for parameters → connected', async () => {
    const s = await sim()
    const finding = await probe(context(s.host))
    expect(inEnglish(finding)).toMatchObject({
      outcome: 'connected',
      message: expect.stringContaining('accepted the request signature'),
      httpStatus: 400,
      providerMessage: expect.stringMatching(
        /^MissingParameter: The input parameter "TaskName" that is mandatory for processing this request is not supplied\. \(RequestId [0-9A-F-]{36}\)$/,
      ),
    })
    expect(s.requests).toHaveLength(1)
    const [request] = s.requests
    expect(inEnglish(request)).toMatchObject({
      method: 'POST',
      path: '/',
      action: 'CreateAiCallTask',
      accessKeyId: secrets.aiccs.accessKeyId,
      parameters: {},
      verdict: 'missing_parameter',
      code: 'MissingParameter',
    })
    expect(request!.taskId).toBeUndefined()
    const m = AUTHORIZATION.exec(request!.authorization ?? '')
    expect(m, request!.authorization ?? 'no Authorization header').not.toBeNull()
    expect(m![1]).toBe(secrets.aiccs.accessKeyId)
    expect(inEnglish(m![2]!.split(';'))).toEqual(
      expect.arrayContaining([
        'host',
        'x-acs-action',
        'x-acs-content-sha256',
        'x-acs-date',
        'x-acs-signature-nonce',
        'x-acs-version',
      ]),
    )
    expect(request!.headers['x-acs-version']).toBe('2019-10-15')
    expectNoSecret(finding)
  })

  it('the simulator really verifies the signature: a tampered signature, header or parameter is refused', async () => {
    const s = await sim()
    await probe(context(s.host))
    const signed = s.requests[0]!
    const authorization = signed.authorization!
    const last = authorization.at(-1) === '0' ? '1' : '0'
    const tampered = await replay(s.url, signed, { authorization: `${authorization.slice(0, -1)}${last}` })
    expect(inEnglish(tampered)).toMatchObject({ status: 400, body: { Code: 'SignatureDoesNotMatch' } })
    const otherAction = await replay(s.url, signed, { 'x-acs-action': 'DeleteAiCallTask' })
    expect(inEnglish(otherAction)).toMatchObject({ status: 400, body: { Code: 'SignatureDoesNotMatch' } })
    const addedParameter = await replay(s.url, { ...signed, path: '/?TaskName=sneaked-in' })
    expect(inEnglish(addedParameter)).toMatchObject({ status: 400, body: { Code: 'SignatureDoesNotMatch' } })
    const addedBody = await replay(s.url, signed, {}, new Blob(['TaskName=sneaked-in']))
    expect(inEnglish(addedBody)).toMatchObject({ status: 400, body: { Code: 'SignatureDoesNotMatch' } })
    // Unchanged, the request is genuine, but its nonce has been used.
    const unchanged = await replay(s.url, signed)
    expect(inEnglish(unchanged)).toMatchObject({ status: 400, body: { Code: 'SignatureNonceUsed' } })
    expect(inEnglish(s.requests.map((r) => r.verdict))).toEqual([
      'missing_parameter',
      'bad_signature',
      'bad_signature',
      'bad_signature',
      'bad_signature',
      'nonce_reused',
    ])
  })

  it('a wrong AccessKey secret: auth_rejected; the request arrived signed and was refused for its signature', async () => {
    const s = await sim()
    const finding = await probe(context(s.host, { accessKeySecret: 'wrong-aliyun-secret-0000' }))
    expect(inEnglish(finding)).toMatchObject({
      outcome: 'auth_rejected',
      httpStatus: 400,
      providerMessage: expect.stringMatching(
        /^SignatureDoesNotMatch: Specified signature does not match our calculation\. \(RequestId /,
      ),
    })
    expect(s.requests).toHaveLength(1)
    expect(inEnglish(s.requests[0])).toMatchObject({ accessKeyId: secrets.aiccs.accessKeyId, verdict: 'bad_signature' })
    expect(inEnglish(s.requests[0]!.authorization)).toMatch(AUTHORIZATION)
    expectNoSecret(finding)
  })

  it('an unknown AccessKey id: auth_rejected (InvalidAccessKeyId.NotFound)', async () => {
    const s = await sim()
    const finding = await probe(context(s.host, { accessKeyId: 'LTAI5tUnknownKey0000' }))
    expect(inEnglish(finding)).toMatchObject({
      outcome: 'auth_rejected',
      httpStatus: 404,
      providerMessage: expect.stringMatching(/^InvalidAccessKeyId\.NotFound: Specified access key is not found\./),
    })
    expect(inEnglish(s.requests[0])).toMatchObject({ accessKeyId: 'LTAI5tUnknownKey0000', verdict: 'unknown_key' })
    expectNoSecret(finding)
  })

  it('a RAM user without the AICCS permission: not_permitted (Forbidden.RAM)', async () => {
    const s = await sim({ forbiddenKeys: [secrets.aiccs.accessKeyId] })
    expect(inEnglish(await probe(context(s.host)))).toMatchObject({
      outcome: 'not_permitted',
      httpStatus: 403,
      providerMessage: expect.stringMatching(/^Forbidden\.RAM: User not authorized/),
    })
  })

  it('a computer clock 20 minutes off: auth_rejected, pointing at the clock', async () => {
    const s = await sim({ clockOffsetMs: -20 * 60_000 })
    expect(inEnglish(await probe(context(s.host)))).toMatchObject({
      outcome: 'auth_rejected',
      message: expect.stringContaining('clock'),
      providerMessage: expect.stringMatching(/^InvalidTimeStamp\.Expired: /),
    })
  })

  it('throttling: busy (asked to wait, nothing said of the credentials), and the SDK does not retry', async () => {
    const s = await sim({ throttle: true })
    expect(inEnglish(await probe(context(s.host)))).toMatchObject({
      outcome: 'busy',
      message: expect.stringMatching(/is busy|asked to wait/),
      providerMessage: expect.stringMatching(/^Throttling\.User: Request was denied due to user flow control\./),
      httpStatus: 400,
    })
    expect(inEnglish(s.requests.map((r) => r.verdict))).toEqual(['throttled'])
  })

  it('a port nobody listens on: unreachable', async () => {
    const port = await closedPort()
    expect(inEnglish(await probe(context(`127.0.0.1:${port}`)))).toEqual({
      outcome: 'unreachable',
      message: `The AICCS endpoint 127.0.0.1:${port} could not be reached (ECONNREFUSED).`,
      providerMessage: null,
      httpStatus: null,
    })
  })

  it('a server that never answers: the abort signal ends the probe', async () => {
    const silent = await silentServer()
    cleanups.push(silent.close)
    const { port } = silent
    const started = performance.now()
    const finding = await probe(context(`127.0.0.1:${port}`, {}, AbortSignal.timeout(300)))
    expect(inEnglish(finding)).toMatchObject({
      outcome: 'unreachable',
      message: expect.stringContaining('did not answer in time'),
    })
    expect(performance.now() - started).toBeLessThan(5000)
  })

  it('only loopback hosts are spoken to in plain HTTP', () => {
    expect(aiccsProtocol('127.0.0.1:8080')).toBe('HTTP')
    expect(aiccsProtocol('localhost')).toBe('HTTP')
    expect(aiccsProtocol('aiccs.aliyuncs.com')).toBe('HTTPS')
    expect(aiccsProtocol('127.0.0.1.example.com')).toBe('HTTPS')
  })
})

describe('AICCS simulator: a full CreateAiCallTask through the official client', () => {
  const Client = (
    typeof openapi.default === 'function'
      ? openapi.default
      : (openapi.default as unknown as { default: unknown }).default
  ) as typeof openapi.default

  async function createTask(host: string, query: Record<string, string>) {
    const client = new Client(
      new $OpenApiUtil.Config({
        accessKeyId: secrets.aiccs.accessKeyId,
        accessKeySecret: secrets.aiccs.accessKeySecret,
        endpoint: host,
        protocol: 'HTTP',
        regionId: 'cn-shanghai',
      }),
    )
    const params = new $OpenApiUtil.Params({
      action: 'CreateAiCallTask',
      version: '2019-10-15',
      protocol: 'HTTP',
      pathname: '/',
      method: 'POST',
      authType: 'AK',
      style: 'RPC',
      reqBodyType: 'formData',
      bodyType: 'string',
    })
    return (await client.callApi(params, new $OpenApiUtil.OpenApiRequest({ query }), new RuntimeOptions({}))) as {
      statusCode: number
      body: string
    }
  }

  const valid = {
    TaskName: "Renewals – week 12 (Anna's list)*",
    StartType: 'IMMEDIATE',
    CallTime: JSON.stringify([JSON.stringify({ startTime: '09:00:00', endTime: '18:00:00' })]),
    CallDay: JSON.stringify(['MONDAY', 'FRIDAY']),
    AgentId: 'agent-7',
    VirtualNumber: '057112345678',
  }

  it('creates a task and writes its 64-bit id into the body exactly', async () => {
    const s = await sim()
    const answer = await createTask(s.host, valid)
    expect(answer.statusCode).toBe(200)
    expect(inEnglish(answer.body)).toMatch(
      /^\{"RequestId":"[0-9A-F-]{36}","Code":"OK","Success":true,"Message":"","Data":1234567890123456789\}$/,
    )
    expect(inEnglish(s.requests[0])).toMatchObject({
      verdict: 'created',
      taskId: '1234567890123456789',
      parameters: valid,
    })
    const second = await createTask(s.host, { ...valid, TaskName: 'second' })
    expect(inEnglish(second.body)).toContain('"Data":1234567890123456790')
  })

  it('names the first missing parameter, and checks values', async () => {
    const s = await sim()
    for (const name of ['TaskName', 'StartType', 'CallTime', 'CallDay'] as const) {
      const { [name]: _omitted, ...rest } = valid
      await expect(createTask(s.host, rest)).rejects.toMatchObject({
        code: 'MissingParameter',
        statusCode: 400,
        data: {
          Message: `The input parameter "${name}" that is mandatory for processing this request is not supplied.`,
        },
      })
    }
    await expect(createTask(s.host, { ...valid, StartType: 'SCHEDULE' })).rejects.toMatchObject({
      code: 'MissingParameter',
      data: { Message: expect.stringContaining('"TaskStartTime"') },
    })
    await expect(createTask(s.host, { ...valid, CallDay: '["FUNDAY"]' })).rejects.toMatchObject({
      code: 'InvalidParameter',
      data: { Message: 'The specified parameter "CallDay" is not valid.' },
    })
    expect(s.requests.every((r) => r.accessKeyId === secrets.aiccs.accessKeyId && r.taskId === undefined)).toBe(true)
  })
})
