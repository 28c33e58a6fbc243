import { afterEach, describe, expect, it } from 'vitest'
import type { ProbeContext } from '../../../electron/main/providers/connection-probe'
import type { SecretOf } from '../../../shared/providers/registry'
import { ChoiceFetchError } from '../../../electron/main/providers/choice-source'
import { connectChoices } from '../../../electron/main/providers/connect/connect-choices'
import type { ConnectSimulatorOptions } from '../../../electron/main/providers/connect/connect-simulator'
import { startConnectSimulator } from '../../../electron/main/providers/connect/connect-simulator'
import type { ConnectSimListed } from '../../../electron/main/providers/connect/connect-lists-sim'
import { systemClock } from '../../../electron/main/core/clock'
import { createLogger } from '../../../electron/main/core/logger'
import { createTokenCache } from '../../../electron/main/secrets/token-cache'
import { ConnectSecret } from '../../../shared/schemas/credentials'
import { ConnectProfile } from '../../../shared/schemas/profiles'
import { drafts, secrets } from '../../shared/fixtures'
import { memorySecretStore } from '../memory-secret-store'
import { createServer } from 'node:http'
import { closedPort, silentServer } from './net-fixtures'
import { ANSWERED_MS, NEVER_ANSWERED_MS } from './time-limits'

// Connect's lists through the official SDK against the SigV4-checking simulator over loopback HTTP.
// The Smithy extract in /shared/specs covers StartTaskContact only; the routes and query names the
// simulator accepts are those of AWS's model as compiled into @aws-sdk/client-connect, and the page
// sizes its documented MaxResults ranges (1–1000 flows and quick connects, 1–100 templates).

const ID = '0b6f3c2e-5d4a-4e8b-9c1f-7a2d3e4f5a6b'
const INSTANCE = drafts.connect.instanceId
const REGION = drafts.connect.region
const cleanups: (() => Promise<void>)[] = []
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!()
})

const rows = (prefix: string, n: number, type: string): ConnectSimListed[] =>
  Array.from({ length: n }, (_, i) => ({ id: `${prefix}-${i + 1}`, name: `${prefix} ${i + 1}`, type }))

const sim = (options: Partial<ConnectSimulatorOptions> = {}) =>
  startConnectSimulator({
    accessKeyId: secrets.connect.accessKeyId,
    secretAccessKey: secrets.connect.secretAccessKey,
    region: REGION,
    instances: [{ id: INSTANCE }],
    lists: {
      contactFlows: [...rows('flow', 5, 'CONTACT_FLOW'), ...rows('whisper', 2, 'AGENT_WHISPER')],
      quickConnects: rows('qc', 3, 'QUEUE'),
      taskTemplates: [...rows('template', 4, 'ACTIVE'), ...rows('old', 1, 'INACTIVE')],
    },
    ...options,
  }).then((s) => (cleanups.push(s.close), s))

function context(
  endpoint: string,
  secret: Partial<SecretOf<'connect'>> = {},
  profile: Partial<ConnectProfile> = {},
): ProbeContext<'connect'> {
  const logger = createLogger(() => {}, systemClock)
  return {
    profile: ConnectProfile.parse({ ...drafts.connect, id: ID, ...profile }),
    secret: ConnectSecret.parse({ ...secrets.connect, ...secret }),
    tokens: createTokenCache({ secrets: memorySecretStore(), clock: systemClock, logger }),
    clock: systemClock,
    fetch,
    signal: AbortSignal.timeout(ANSWERED_MS),
    endpoint,
  }
}

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (error: unknown) =>
      error instanceof ChoiceFetchError ? { problem: error.problem, message: error.message } : error,
  )

describe('Amazon Connect choices (SDK → simulator)', () => {
  it('contact flows: every page by NextToken, only inbound flows asked for, SigV4-signed', async () => {
    const s = await sim({ listPageCap: 2 })
    const listed = await connectChoices.fetch(context(s.url), 'connect_contact_flows')
    expect(listed).toEqual({
      choices: rows('flow', 5, 'CONTACT_FLOW').map((r) => ({ value: r.id, name: r.name, detail: 'ACTIVE' })),
      truncated: false,
    })
    const asked = s.requests.filter((r) => r.operation === 'ListContactFlows')
    expect(asked.map((r) => r.verdict)).toEqual(['ok', 'ok', 'ok'])
    const urls = asked.map((r) => new URL(r.path, s.url))
    for (const url of urls) {
      expect(url.pathname).toBe(`/contact-flows-summary/${INSTANCE}`)
      expect(url.searchParams.getAll('contactFlowTypes')).toEqual(['CONTACT_FLOW'])
      expect(url.searchParams.get('maxResults')).toBe('1000')
    }
    expect(urls[0]!.searchParams.has('nextToken')).toBe(false)
    expect(urls.slice(1).every((u) => u.searchParams.get('nextToken'))).toBe(true)
    expect(asked[0]!.authorization).toMatch(
      /^AWS4-HMAC-SHA256 Credential=AKIAZZTESTKEY0004567\/\d{8}\/eu-central-1\/connect\//,
    )
  })

  it('quick connects and task templates (active ones, at most 100 a page)', async () => {
    const s = await sim({ listPageCap: 3 })
    expect(await connectChoices.fetch(context(s.url), 'connect_quick_connects')).toEqual({
      choices: rows('qc', 3, 'QUEUE').map((r) => ({ value: r.id, name: r.name, detail: 'QUEUE' })),
      truncated: false,
    })
    const templates = await connectChoices.fetch(context(s.url), 'connect_task_templates')
    expect(templates.choices.map((c) => c.value)).toEqual(['template-1', 'template-2', 'template-3', 'template-4'])
    const asked = s.requests.filter((r) => r.operation === 'ListTaskTemplates').map((r) => new URL(r.path, s.url))
    expect(asked).toHaveLength(2)
    expect(asked[0]!.pathname).toBe(`/instance/${INSTANCE}/task/template`)
    expect(asked.map((u) => [u.searchParams.get('status'), u.searchParams.get('maxResults')])).toEqual([
      ['ACTIVE', '100'],
      ['ACTIVE', '100'],
    ])
  })

  it('a refused secret, a missing permission, an unknown instance and no network are told apart', async () => {
    const s = await sim({ accessDeniedKeys: ['AKIADENIED0000000000'] })
    expect(
      await failure(
        connectChoices.fetch(
          context(s.url, { secretAccessKey: 'wrong-secret-access-key-0000' }),
          'connect_contact_flows',
        ),
      ),
    ).toEqual({ problem: 'auth_rejected', message: 'AWS refused the credentials.' })
    expect(
      await failure(
        connectChoices.fetch(context(s.url, { accessKeyId: 'AKIADENIED0000000000' }), 'connect_quick_connects'),
      ),
    ).toEqual({
      problem: 'auth_rejected',
      message: 'AWS refused the credentials.',
    })
    const denied = await sim({ accessKeyId: 'AKIADENIED0000000000', accessDeniedKeys: ['AKIADENIED0000000000'] })
    expect(
      await failure(
        connectChoices.fetch(context(denied.url, { accessKeyId: 'AKIADENIED0000000000' }), 'connect_quick_connects'),
      ),
    ).toEqual({ problem: 'not_permitted', message: 'These AWS credentials lack connect:ListQuickConnects.' })
    expect(
      await failure(
        connectChoices.fetch(context(s.url, {}, { instanceId: 'no-such-instance' }), 'connect_task_templates'),
      ),
    ).toEqual({ problem: 'not_configured', message: 'Amazon Connect has no instance no-such-instance in this region.' })
    const port = await closedPort()
    expect(await failure(connectChoices.fetch(context(`http://127.0.0.1:${port}`), 'connect_contact_flows'))).toEqual({
      problem: 'offline',
      message: 'Amazon Connect could not be reached.',
    })
  })

  it("a profile's lists come from its region and instance", () => {
    const profile = context('http://127.0.0.1:9').profile
    expect(connectChoices.origin(profile)).toBe(`${REGION} ${INSTANCE}`)
    expect(connectChoices.origin({ ...profile, instanceId: 'other' })).not.toBe(connectChoices.origin(profile))
  })

  it('throttling is a provider error; a list it does not offer is refused', async () => {
    const s = await sim({ throttle: true })
    expect(await failure(connectChoices.fetch(context(s.url), 'connect_contact_flows'))).toEqual({
      problem: 'provider_error',
      message: 'Amazon Connect answered ThrottlingException (429).',
    })
    expect(await failure(connectChoices.fetch(context(s.url), 'webex_entry_points'))).toMatchObject({
      problem: 'not_configured',
    })
  })
})

describe('Amazon Connect choices: answers the simulator does not give (a loopback server answers by hand)', () => {
  /** Answers every request with the next body (the SDK reads answers; it does not check their signature). */
  async function scripted(bodies: object[]): Promise<{ url: string; paths: string[] }> {
    const paths: string[] = []
    const server = createServer((request, response) => {
      paths.push(request.url ?? '')
      response.writeHead(200, { 'content-type': 'application/json' })
      response.end(JSON.stringify(bodies.shift() ?? {}))
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    cleanups.push(() => new Promise<void>((resolve) => server.close(() => resolve())))
    const { port } = server.address() as { port: number }
    return { url: `http://127.0.0.1:${port}`, paths }
  }

  it('rows without an id are left out, without a name or type kept; an empty token or none ends the list', async () => {
    const flows = await scripted([
      { ContactFlowSummaryList: [{ Id: 'f-1' }, { Name: 'no id' }], NextToken: 'more' },
      { ContactFlowSummaryList: [{ Id: 'f-2', Name: 'Two', ContactFlowState: 'ACTIVE' }], NextToken: '' },
    ])
    expect(await connectChoices.fetch(context(flows.url), 'connect_contact_flows')).toEqual({
      choices: [
        { value: 'f-1', name: '' },
        { value: 'f-2', name: 'Two', detail: 'ACTIVE' },
      ],
      truncated: false,
    })
    expect(flows.paths).toHaveLength(2)
    const none = await scripted([{}, {}, {}])
    for (const kind of ['connect_contact_flows', 'connect_quick_connects', 'connect_task_templates'] as const) {
      expect(await connectChoices.fetch(context(none.url), kind)).toEqual({ choices: [], truncated: false })
    }
  })

  it('an endpoint that never answers is offline, said as such', async () => {
    const silent = await silentServer()
    cleanups.push(() => silent.close())
    const ctx = { ...context(`http://127.0.0.1:${silent.port}`), signal: AbortSignal.timeout(NEVER_ANSWERED_MS) }
    const pending = failure(connectChoices.fetch(ctx, 'connect_contact_flows'))
    await silent.received
    expect(await pending).toEqual({ problem: 'offline', message: 'Amazon Connect did not answer in time.' })
  })
})
