import { afterAll, describe, expect, it } from 'vitest'
import type { EchoFault } from '../../../electron/main/providers/simulator-kit/faults'
import type { RunningSimulator } from '../../../electron/main/providers/simulator-kit/loopback-server'
import { EGAIN_TASK_ACTIVITY_PATH, EGAIN_TOKEN_PATH } from '../../../electron/main/providers/egain/egain-simulator'
import { secrets } from '../../shared/fixtures'
import { startSimulator } from '../simulators'
import { startIdentityCenterSimulator } from '../../../electron/main/providers/connect/identity-center-simulator'
import { WEBEX_SIM_IDENTITY_PREFIX } from '../../../electron/main/providers/webex/webex-simulator'
import { EGAIN_SCOPES } from '../../../shared/providers/egain/profile'

// The echo fault every simulator plays: the whole request (method, path, query, every header with
// Authorization, the body) comes back in the provider's own error shape, on the endpoints that
// create something, on what Test connection asks, and (at: 'token') on the OAuth token endpoints.

interface Echoing extends RunningSimulator {
  setFault(fault: EchoFault | null): Promise<void>
}

const running: RunningSimulator[] = []
afterAll(async () => {
  for (const simulator of running) await simulator.close()
})

const started = async (sim: Promise<Echoing>) => {
  const s = await sim
  running.push(s)
  return s
}

const simulators: Record<string, () => Promise<Echoing>> = {
  webex: () => started(startSimulator('webex', { ...secrets.webex })),
  egain: () => started(startSimulator('egain', { clientId: 'client', clientSecret: secrets.egain.clientSecret })),
  connect: () =>
    started(
      startSimulator('connect', {
        accessKeyId: secrets.connect.accessKeyId,
        secretAccessKey: secrets.connect.secretAccessKey,
        instances: [{ id: 'instance-1', alias: 'sim' }],
      }),
    ),
  aiccs: () => started(startSimulator('aiccs', { ...secrets.aiccs })),
  voice_broadcast: () => started(startSimulator('voice_broadcast', { ...secrets.voice_broadcast })),
}

/** Each provider's create endpoint and the endpoint its Test connection asks (other than a token endpoint). */
const endpoints: [string, string, string, Record<string, string>][] = [
  ['webex', 'POST', '/v1/tasks', {}],
  ['webex', 'GET', `${WEBEX_SIM_IDENTITY_PREFIX}/v1/people/me`, {}],
  ['egain', 'POST', EGAIN_TASK_ACTIVITY_PATH, {}],
  ['connect', 'PUT', '/contact/task', {}],
  ['connect', 'GET', '/instance/instance-1', {}],
  ['aiccs', 'POST', '/', { 'x-acs-action': 'CreateAiCallTask' }],
  ['aiccs', 'POST', '/', { 'x-acs-action': 'ListInstances' }],
  ['voice_broadcast', 'POST', '/api/voice/group/call/send', {}],
  ['voice_broadcast', 'GET', '/api/voice/group/call/detail/0', {}],
]

const SECRET_HEADER = 'Bearer echo-me-7f3a'

async function ask(sim: Echoing, method: string, path: string, headers: Record<string, string>) {
  const response = await fetch(`${sim.url}${path}?probe=1`, {
    method,
    headers: { authorization: SECRET_HEADER, 'content-type': 'application/json', ...headers },
    ...(method === 'GET' ? {} : { body: '{"payload":"echo-body-9c1e"}' }),
  })
  return { status: response.status, text: await response.text() }
}

describe('echo fault', () => {
  it.each(endpoints)('%s %s %s answers the whole request back', async (provider, method, path, headers) => {
    const sim = await simulators[provider]!()
    await sim.setFault({ kind: 'echo', at: 'api', status: 400 })
    const { status, text } = await ask(sim, method, path, headers)
    expect(status).toBe(400)
    for (const part of [method, path, '?probe=1', 'echo-me-7f3a']) expect(text).toContain(part)
    if (method !== 'GET') expect(text).toContain('echo-body-9c1e')
    // Cleared, the endpoint answers as it did before.
    await sim.setFault(null)
    expect((await ask(sim, method, path, headers)).text).not.toContain('probe=1')
  })

  it.each([
    ['webex', `${WEBEX_SIM_IDENTITY_PREFIX}/v1/access_token`],
    ['egain', EGAIN_TOKEN_PATH],
  ])('%s: the token endpoint echoes as an OAuth error, or beside a working token', async (provider, path) => {
    const sim = await simulators[provider]!()
    const form = `grant_type=client_credentials&client_secret=${encodeURIComponent('echo me&now')}`
    const post = async () => {
      const response = await fetch(`${sim.url}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: form,
      })
      return { status: response.status, body: (await response.json()) as Record<string, unknown> }
    }
    await sim.setFault({ kind: 'echo', at: 'token', status: 400 })
    const refused = await post()
    expect(refused.status).toBe(400)
    expect(refused.body).toMatchObject({ error: 'invalid_request' })
    expect(String(refused.body['error_description'])).toContain('echo%20me%26now')
    // An echo on the other endpoints leaves the token endpoint alone.
    await sim.setFault({ kind: 'echo', at: 'api', status: 400 })
    expect(JSON.stringify((await post()).body)).not.toContain('echo%20me')
  })

  it('a 2xx token echo hands out a working token with the request beside it', async () => {
    const sim = await simulators['egain']!()
    await sim.setFault({ kind: 'echo', at: 'token', status: 200 })
    const response = await fetch(`${sim.url}${EGAIN_TOKEN_PATH}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `grant_type=client_credentials&client_id=client&scope=${encodeURIComponent(EGAIN_SCOPES.client_credentials)}&client_secret=${encodeURIComponent(secrets.egain.clientSecret)}`,
    })
    const body = (await response.json()) as { access_token?: string; request?: string }
    expect(response.status).toBe(200)
    expect(body.access_token).toMatch(/^eg-at-/)
    expect(body.request).toContain(secrets.egain.clientSecret)
  })
})

describe('echo fault where temporary credentials come from', () => {
  it('IAM Identity Center: SSO OIDC echoes at the token, the access portal at the api, each in its error shape', async () => {
    const sim = await startIdentityCenterSimulator({
      startUrl: 'https://d-9067c1d2e3.awsapps.com/start',
      accounts: [{ accountId: '123456789012', accountName: 'echo', roles: ['Agent'] }],
    })
    running.push(sim)
    const createToken = () =>
      fetch(`${sim.url}/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ clientId: 'c', clientSecret: 'echo-client-secret', grantType: 'refresh_token' }),
      })
    const roleCredentials = () =>
      fetch(`${sim.url}/federation/credentials?account_id=123456789012&role_name=Agent`, {
        headers: { 'x-amz-sso_bearer_token': 'echo-bearer-token' },
      })

    await sim.setFault({ kind: 'echo', at: 'token', status: 400 })
    const refused = await createToken()
    expect(refused.status).toBe(400)
    expect(refused.headers.get('x-amzn-errortype')).toBe('InvalidRequestException')
    const oidc = (await refused.json()) as { error: string; error_description: string }
    expect(oidc.error).toBe('invalid_request')
    expect(oidc.error_description).toContain('echo-client-secret')
    // The portal is not SSO OIDC: it answers as usual (the bearer is unknown).
    expect(await (await roleCredentials()).text()).not.toContain('echo-bearer-token')

    await sim.setFault({ kind: 'echo', at: 'api', status: 401 })
    const portal = await roleCredentials()
    expect(portal.status).toBe(401)
    expect(portal.headers.get('x-amzn-errortype')).toBe('UnauthorizedException')
    expect(((await portal.json()) as { message: string }).message).toContain('echo-bearer-token')
    expect(await (await createToken()).text()).not.toContain('echo-client-secret')

    // A 2xx echo answers as usual, the request beside it.
    await sim.setFault({ kind: 'echo', at: 'token', status: 200 })
    const registered = await fetch(`${sim.url}/client/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ clientName: 'echo-name', clientType: 'public' }),
    })
    const body = (await registered.json()) as { clientId?: string; request?: string }
    expect(registered.status).toBe(200)
    expect(body.clientId).toMatch(/^sim-client-/)
    expect(body.request).toContain('echo-name')

    await sim.setFault(null)
    expect(await (await createToken()).text()).not.toContain('echo-client-secret')
  })

  it('Alibaba STS: AssumeRole echoes at the token in Alibaba’s error shape; AICCS’s own echo leaves it alone', async () => {
    const sim = await started(startSimulator('aiccs', { ...secrets.aiccs, sts: { roles: {} } }))
    const assume = () =>
      fetch(`${sim.url}/?Action=AssumeRole&RoleArn=echo-role-arn`, {
        method: 'POST',
        headers: { 'x-acs-action': 'AssumeRole', authorization: SECRET_HEADER },
      })
    await sim.setFault({ kind: 'echo', at: 'token', status: 400 })
    const refused = await assume()
    expect(refused.status).toBe(400)
    const words = (await refused.json()) as { Code?: string; Message?: string }
    expect(words.Message).toContain('echo-me-7f3a')
    expect(words.Message).toContain('echo-role-arn')
    await sim.setFault({ kind: 'echo', at: 'api', status: 400 })
    expect(await (await assume()).text()).not.toContain('echo-me-7f3a')
  })
})
