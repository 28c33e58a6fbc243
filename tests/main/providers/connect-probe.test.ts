import { request } from 'node:http'
import { inEnglish } from '../../shared/in-english'
import { afterEach, describe, expect, it } from 'vitest'
import type { ProbeContext, ProbeFinding } from '../../../electron/main/providers/connection-probe'
import type { SecretOf } from '../../../shared/providers/registry'
import { createConnectProbe } from '../../../electron/main/providers/connect/connection-probe'
import { systemClock } from '../../../electron/main/core/clock'
import { createLogger } from '../../../electron/main/core/logger'
import { createTokenCache } from '../../../electron/main/secrets/token-cache'
import type { ConnectSimulatorOptions } from '../../../electron/main/providers/connect/connect-simulator'
import { startConnectSimulator } from '../../../electron/main/providers/connect/connect-simulator'
import { ConnectSecret } from '../../../shared/schemas/credentials'
import { ConnectProfile } from '../../../shared/schemas/profiles'
import { drafts, secrets } from '../../shared/fixtures'
import { memorySecretStore } from '../memory-secret-store'
import { closedPort, silentServer } from './net-fixtures'
import { ANSWERED_MS } from './time-limits'

const ID = '0b6f3c2e-5d4a-4e8b-9c1f-7a2d3e4f5a6b'
const INSTANCE = drafts.connect.instanceId
const REGION = drafts.connect.region
const cleanups: (() => Promise<void>)[] = []
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!()
})

const sim = (options: Partial<ConnectSimulatorOptions> = {}) =>
  startConnectSimulator({
    accessKeyId: secrets.connect.accessKeyId,
    secretAccessKey: secrets.connect.secretAccessKey,
    region: REGION,
    instances: [{ id: INSTANCE, alias: 'acme-support' }],
    ...options,
  }).then((s) => (cleanups.push(s.close), s))

function context(
  secret: Partial<SecretOf<'connect'>> = {},
  signal = AbortSignal.timeout(ANSWERED_MS),
): ProbeContext<'connect'> {
  const store = memorySecretStore()
  const logger = createLogger(() => {}, systemClock)
  return {
    profile: ConnectProfile.parse({ ...drafts.connect, id: ID }),
    secret: ConnectSecret.parse({ ...secrets.connect, ...secret }),
    tokens: createTokenCache({ secrets: store, clock: systemClock, logger }),
    clock: systemClock,
    fetch,
    signal,
  }
}

/** A probe that talks to the simulator whatever the region. */
const probeAt = (url: string) => createConnectProbe({ endpointFor: () => url })

const SECRET_VALUES = [secrets.connect.secretAccessKey, 'wrong-secret-access-key-0000']
function expectNoSecret(finding: ProbeFinding) {
  const text = JSON.stringify(finding)
  for (const value of SECRET_VALUES) expect(text).not.toContain(value)
}

const AUTHORIZATION =
  /^AWS4-HMAC-SHA256 Credential=([A-Z0-9]+)\/(\d{8})\/([a-z0-9-]+)\/connect\/aws4_request, SignedHeaders=([a-z0-9-]+(?:;[a-z0-9-]+)*), Signature=([0-9a-f]{64})$/

/** Sends a recorded request again, by hand, with chosen headers changed. */
async function replay(
  url: string,
  recorded: { method: string; path: string; headers: Record<string, string> },
  change: Record<string, string> = {},
) {
  const headers = { ...recorded.headers, ...change }
  for (const hop of ['host', 'connection', 'content-length']) delete headers[hop]
  const response = await fetch(`${url}${recorded.path}`, { method: recorded.method, headers })
  return { status: response.status, type: response.headers.get('x-amzn-errortype'), body: await response.text() }
}

describe('Amazon Connect connection probe (SDK → SigV4-checking simulator)', () => {
  it('correct credentials: connected, naming the instance alias; the request was really SigV4-signed', async () => {
    const s = await sim()
    const finding = await probeAt(s.url)(context())
    expect(inEnglish(finding)).toEqual({
      outcome: 'connected',
      message: `Signed in to Amazon Connect instance “acme-support” in ${REGION}.`,
      httpStatus: 200,
    })
    expect(s.requests).toHaveLength(1)
    const [request] = s.requests
    expect(inEnglish(request)).toMatchObject({
      method: 'GET',
      path: `/instance/${INSTANCE}`,
      operation: 'DescribeInstance',
      accessKeyId: secrets.connect.accessKeyId,
      verdict: 'ok',
    })
    const m = AUTHORIZATION.exec(request!.authorization ?? '')
    expect(m, request!.authorization ?? 'no Authorization header').not.toBeNull()
    expect(m![1]).toBe(secrets.connect.accessKeyId)
    expect(m![2]).toBe(request!.headers['x-amz-date']!.slice(0, 8))
    expect(m![3]).toBe(REGION)
    expect(inEnglish(m![4]!.split(';'))).toEqual(expect.arrayContaining(['host', 'x-amz-date', 'x-amz-content-sha256']))
    expect(request!.headers['x-amz-security-token']).toBeUndefined()
  })

  it('the simulator really verifies the signature: a tampered signature or a changed signed header is refused', async () => {
    const s = await sim()
    await probeAt(s.url)(context())
    const signed = s.requests[0]!
    // The same request again is accepted (within the 5-minute window), so only the change matters below.
    expect((await replay(s.url, signed)).status).toBe(200)
    const authorization = signed.authorization!
    const last = authorization.at(-1) === '0' ? '1' : '0'
    const tampered = await replay(s.url, signed, { authorization: `${authorization.slice(0, -1)}${last}` })
    expect(inEnglish(tampered)).toMatchObject({ status: 403, type: 'InvalidSignatureException' })
    expect(inEnglish(JSON.parse(tampered.body))).toEqual({
      message: expect.stringContaining('does not match the signature you provided'),
    })
    const otherInstance = await replay(s.url, { ...signed, path: '/instance/another-instance' })
    expect(inEnglish(otherInstance)).toMatchObject({ status: 403, type: 'InvalidSignatureException' })
    const changedHeader = await replay(s.url, signed, { 'x-amz-user-agent': 'someone-else' })
    expect(inEnglish(changedHeader)).toMatchObject({ status: 403, type: 'InvalidSignatureException' })
    expect(inEnglish(s.requests.map((r) => r.verdict))).toEqual([
      'ok',
      'ok',
      'bad_signature',
      'bad_signature',
      'bad_signature',
    ])
  })

  it('the simulator hashes the body that arrived: a body the signature does not cover is refused', async () => {
    const s = await sim()
    await probeAt(s.url)(context())
    const signed = s.requests[0]!
    const headers: Record<string, string> = { ...signed.headers, 'content-length': '9' }
    delete headers['connection']
    // fetch cannot send a GET with a body; node:http can.
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(`${s.url}${signed.path}`, { method: 'GET', headers }, (res) => {
        res.resume()
        resolve(res.statusCode ?? 0)
      })
      req.on('error', reject)
      req.end('{"x":"y"}')
    })
    expect(status).toBe(403)
    expect(inEnglish(s.requests.map((r) => r.verdict))).toEqual(['ok', 'bad_signature'])
  })

  it('a wrong secret access key: auth_rejected; the request arrived signed and was refused for its signature', async () => {
    const s = await sim()
    const finding = await probeAt(s.url)(context({ secretAccessKey: 'wrong-secret-access-key-0000' }))
    expect(inEnglish(finding)).toMatchObject({
      outcome: 'auth_rejected',
      httpStatus: 403,
      providerMessage: expect.stringMatching(
        /^InvalidSignatureException: The request signature we calculated does not match the signature you provided/,
      ),
    })
    expect(s.requests).toHaveLength(1)
    expect(inEnglish(s.requests[0])).toMatchObject({
      accessKeyId: secrets.connect.accessKeyId,
      verdict: 'bad_signature',
      status: 403,
    })
    expect(inEnglish(s.requests[0]!.authorization)).toMatch(AUTHORIZATION)
    expectNoSecret(finding)
  })

  it('an unknown access key id: auth_rejected (UnrecognizedClientException)', async () => {
    const s = await sim()
    const finding = await probeAt(s.url)(context({ accessKeyId: 'AKIAUNKNOWNKEY000001' }))
    expect(inEnglish(finding)).toMatchObject({
      outcome: 'auth_rejected',
      httpStatus: 403,
      providerMessage: 'UnrecognizedClientException: The security token included in the request is invalid.',
    })
    expect(inEnglish(s.requests[0])).toMatchObject({ accessKeyId: 'AKIAUNKNOWNKEY000001', verdict: 'unknown_key' })
    expectNoSecret(finding)
  })

  it('a computer clock 10 minutes off: auth_rejected, pointing at the clock', async () => {
    const s = await sim({ clockOffsetMs: 10 * 60_000 })
    const finding = await probeAt(s.url)(context())
    expect(inEnglish(finding)).toMatchObject({
      outcome: 'auth_rejected',
      message: expect.stringContaining('clock'),
      providerMessage: expect.stringMatching(
        /^InvalidSignatureException: Signature expired: \d{8}T\d{6}Z is now earlier than/,
      ),
      httpStatus: 403,
    })
    expect(s.requests[0]!.verdict).toBe('expired')
  })

  it('temporary credentials: the session token is sent and signed, and checked', async () => {
    const token = 'IQoJb3JpZ2luX2VjEXAMPLE-session-token'
    const temp = { accessKeyId: 'ASIAZZTESTKEY0004567', sessionToken: token }
    const s = await sim(temp)
    expect(inEnglish(await probeAt(s.url)(context(temp)))).toMatchObject({ outcome: 'connected' })
    expect(s.requests[0]!.headers['x-amz-security-token']).toBe(token)
    expect(inEnglish(s.requests[0]!.authorization!.split('SignedHeaders=')[1])).toContain('x-amz-security-token')
    expect(inEnglish(await probeAt(s.url)(context({ ...temp, sessionToken: 'another-token' })))).toMatchObject({
      outcome: 'auth_rejected',
    })
    expect(inEnglish(await probeAt(s.url)(context({ ...temp, sessionToken: '' })))).toMatchObject({
      outcome: 'auth_rejected',
    })
    expect(inEnglish(s.requests.map((r) => r.verdict))).toEqual(['ok', 'bad_token', 'bad_token'])
  })

  it('valid keys without connect:DescribeInstance: not_permitted, naming both permissions', async () => {
    const s = await sim({ accessDeniedKeys: [secrets.connect.accessKeyId] })
    const finding = await probeAt(s.url)(context())
    expect(inEnglish(finding)).toMatchObject({
      outcome: 'not_permitted',
      message: expect.stringMatching(/connect:DescribeInstance.*connect:StartTaskContact/),
      providerMessage: expect.stringMatching(
        /^AccessDeniedException: User: .* is not authorized to perform: connect:DescribeInstance/,
      ),
      httpStatus: 403,
    })
    expect(s.requests[0]!.verdict).toBe('access_denied')
  })

  it('an instance id the region does not have: not_found', async () => {
    const s = await sim({ instances: [{ id: 'some-other-instance' }] })
    const finding = await probeAt(s.url)(context())
    expect(inEnglish(finding)).toMatchObject({
      outcome: 'not_found',
      message: expect.stringContaining(INSTANCE),
      providerMessage: `ResourceNotFoundException: Instance not found: ${INSTANCE}`,
      httpStatus: 404,
    })
    expect(s.requests[0]!.verdict).toBe('not_found')
  })

  it('an instance id with characters that need encoding: the path is signed double-encoded, as AWS expects', async () => {
    const odd = "odd id/with*slash'"
    const s = await sim({ instances: [{ id: odd, alias: 'odd' }] })
    const finding = await probeAt(s.url)({
      ...context(),
      profile: ConnectProfile.parse({ ...drafts.connect, id: ID, instanceId: odd }),
    })
    expect(inEnglish(finding)).toMatchObject({ outcome: 'connected' })
    expect(inEnglish(s.requests[0])).toMatchObject({ path: '/instance/odd%20id%2Fwith%2Aslash%27', verdict: 'ok' })
  })

  it('an instance without an alias: connected, naming the id', async () => {
    const s = await sim({ instances: [{ id: INSTANCE }] })
    expect(inEnglish(await probeAt(s.url)(context()))).toMatchObject({
      outcome: 'connected',
      message: `Signed in to Amazon Connect instance ${INSTANCE} in ${REGION}.`,
    })
  })

  it('throttling: busy (asked to wait, nothing said of the credentials), and the SDK does not retry', async () => {
    const s = await sim({ throttle: true })
    expect(inEnglish(await probeAt(s.url)(context()))).toMatchObject({
      outcome: 'busy',
      message: expect.stringMatching(/is busy|asked to wait/),
      providerMessage: 'ThrottlingException: Rate exceeded',
      httpStatus: 429,
    })
    expect(inEnglish(s.requests.map((r) => r.verdict))).toEqual(['throttled'])
  })

  it('a port nobody listens on: unreachable', async () => {
    const port = await closedPort()
    const finding = await probeAt(`http://127.0.0.1:${port}`)(context())
    expect(inEnglish(finding)).toEqual({
      outcome: 'unreachable',
      message: `The Amazon Connect endpoint http://127.0.0.1:${port} could not be reached (ECONNREFUSED).`,
      providerMessage: null,
      httpStatus: null,
    })
  })

  it('a server that never answers: the abort signal ends the probe', async () => {
    const silent = await silentServer()
    cleanups.push(silent.close)
    const { port } = silent
    const started = performance.now()
    const finding = await probeAt(`http://127.0.0.1:${port}`)(context({}, AbortSignal.timeout(300)))
    expect(inEnglish(finding)).toMatchObject({
      outcome: 'unreachable',
      message: expect.stringContaining('did not answer in time'),
    })
    expect(performance.now() - started).toBeLessThan(5000)
  })
})
