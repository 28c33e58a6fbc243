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
import { closedPort } from './net-fixtures'
import { ANSWERED_MS } from './time-limits'

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
    ).toEqual({ problem: 'auth_rejected', message: 'AWS refused the access keys.' })
    expect(
      await failure(
        connectChoices.fetch(context(s.url, { accessKeyId: 'AKIADENIED0000000000' }), 'connect_quick_connects'),
      ),
    ).toEqual({
      problem: 'auth_rejected',
      message: 'AWS refused the access keys.',
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
