import { afterEach, describe, expect, it } from 'vitest'
import type { ProbeContext } from '../../../electron/main/providers/connection-probe'
import type { SecretOf } from '../../../shared/providers/registry'
import { ChoiceFetchError } from '../../../electron/main/providers/choice-source'
import { webexChoices } from '../../../electron/main/providers/webex/webex-choices'
import type { WebexSimulatorOptions } from '../../../electron/main/providers/webex/webex-simulator'
import { startWebexSimulator, WEBEX_SIM_IDENTITY_PREFIX } from '../../../electron/main/providers/webex/webex-simulator'
import { systemClock } from '../../../electron/main/core/clock'
import { createLogger } from '../../../electron/main/core/logger'
import { createTokenCache } from '../../../electron/main/secrets/token-cache'
import { WebexSecret } from '../../../shared/schemas/credentials'
import { WebexProfile } from '../../../shared/schemas/profiles'
import { drafts, secrets } from '../../shared/fixtures'
import { memorySecretStore } from '../memory-secret-store'
import { closedPort } from './net-fixtures'
import { ANSWERED_MS } from './time-limits'

// Webex Contact Center's configuration lists (entry points, outdial ANI entries) against the
// simulator over loopback HTTP: the bearer token from the OAuth refresh grant, paging by page number.

const ID = '1c7e2d3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f'
const ORG = drafts.webex.orgId
const cleanups: (() => Promise<void>)[] = []
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!()
})

const entryPoints = Array.from({ length: 250 }, (_, i) => ({
  id: `ep-${i + 1}`,
  name: `Entry point ${i + 1}`,
  entryPointType: i % 2 ? ('INBOUND' as const) : ('OUTBOUND' as const),
}))

const sim = (options: Partial<WebexSimulatorOptions> = {}) =>
  startWebexSimulator({
    clientId: secrets.webex.clientId,
    clientSecret: secrets.webex.clientSecret,
    refreshToken: secrets.webex.refreshToken,
    orgId: ORG,
    lists: {
      entryPoints,
      outdialAnis: [
        { id: 'ani-1', name: 'Main line', number: '+14085550100' },
        { id: 'ani-2', name: 'Support', number: '+14085550111' },
      ],
    },
    ...options,
  }).then((s) => (cleanups.push(s.close), s))

function context(
  url: string,
  profile: Partial<WebexProfile> = {},
  secret: SecretOf<'webex'> = WebexSecret.parse(secrets.webex),
): ProbeContext<'webex'> {
  const logger = createLogger(() => {}, systemClock)
  return {
    profile: WebexProfile.parse({
      ...drafts.webex,
      id: ID,
      endpoint: { kind: 'custom', baseUrl: url },
      // The simulator serves Webex's sign-in beside the Contact Center API.
      identityUrl: `${url}${WEBEX_SIM_IDENTITY_PREFIX}`,
      ...profile,
    }),
    secret,
    tokens: createTokenCache({ secrets: memorySecretStore(), clock: systemClock, logger }),
    clock: systemClock,
    fetch,
    signal: AbortSignal.timeout(ANSWERED_MS),
  }
}

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (error: unknown) =>
      error instanceof ChoiceFetchError ? { problem: error.problem, message: error.message } : error,
  )

describe('Webex Contact Center choices (fetch → simulator)', () => {
  it('entry points: every page until the last, each with its direction', async () => {
    const s = await sim()
    const listed = await webexChoices.fetch(context(s.url), 'webex_entry_points')
    expect(listed.truncated).toBe(false)
    expect(listed.choices).toHaveLength(250)
    expect(listed.choices[0]).toEqual({ value: 'ep-1', name: 'Entry point 1', detail: 'OUTBOUND' })
    expect(listed.choices[249]).toEqual({ value: 'ep-250', name: 'Entry point 250', detail: 'INBOUND' })
    const pages = s.ledger.filter((l) => l.path === `/organization/${ORG}/entry-point`)
    expect(pages.map((l) => l.verdict)).toEqual(['listed', 'listed', 'listed'])
    expect(s.ledger[0]).toMatchObject({ path: '/v1/access_token', verdict: 'issued' })
  })

  it('a page smaller than asked (the provider caps pageSize) still reaches the last page', async () => {
    const s = await sim({ listPageCap: 40 })
    const listed = await webexChoices.fetch(context(s.url), 'webex_entry_points')
    expect(listed.choices.map((c) => c.value)).toEqual(entryPoints.map((e) => e.id))
    expect(s.ledger.filter((l) => l.verdict === 'listed')).toHaveLength(7)
  })

  it("a profile's lists come from its API host and organization", () => {
    const profile = context('http://127.0.0.1:9/').profile
    expect(webexChoices.origin(profile)).toBe(`http://127.0.0.1:9 ${ORG}`)
    expect(webexChoices.origin({ ...profile, orgId: 'other' })).not.toBe(webexChoices.origin(profile))
  })

  it('outdial ANIs: the number is what goes in the field', async () => {
    const s = await sim()
    expect(await webexChoices.fetch(context(s.url), 'webex_outdial_anis')).toEqual({
      choices: [
        { value: '+14085550100', name: 'Main line' },
        { value: '+14085550111', name: 'Support' },
      ],
      truncated: false,
    })
  })

  it('an expired token is refreshed once and the list read again', async () => {
    const s = await sim()
    const ctx = context(s.url)
    await webexChoices.fetch(ctx, 'webex_outdial_anis')
    s.revokeAccessTokens()
    expect((await webexChoices.fetch(ctx, 'webex_outdial_anis')).choices).toHaveLength(2)
    expect(s.ledger.map((l) => l.verdict)).toEqual(['issued', 'listed', 'unauthorized', 'issued', 'listed'])
  })

  it('no organization id, another organization, a refused token and no network are told apart', async () => {
    const s = await sim()
    expect(await failure(webexChoices.fetch(context(s.url, { orgId: '' }), 'webex_entry_points'))).toEqual({
      problem: 'not_configured',
      message: 'Enter the organization id in this profile to fetch its lists.',
    })
    expect(await failure(webexChoices.fetch(context(s.url, { orgId: 'another-org' }), 'webex_entry_points'))).toEqual({
      problem: 'not_permitted',
      message: 'Webex refused the list: the token needs the cjp:config_read scope for this organization.',
    })
    const pasted = WebexSecret.parse({ provider: 'webex', kind: 'access_token', accessToken: 'not-a-token-known-here' })
    expect(
      await failure(webexChoices.fetch(context(s.url, { authMethod: 'access_token' }, pasted), 'webex_entry_points')),
    ).toEqual({ problem: 'auth_rejected', message: 'Webex refused the access token.' })
    const badClient = WebexSecret.parse({ ...secrets.webex, clientSecret: 'wrong-client-secret' })
    expect(await failure(webexChoices.fetch(context(s.url, {}, badClient), 'webex_entry_points'))).toEqual({
      problem: 'auth_rejected',
      message: 'Webex refused the OAuth client or refresh token.',
    })
    const port = await closedPort()
    expect(await failure(webexChoices.fetch(context(`http://127.0.0.1:${port}`), 'webex_entry_points'))).toEqual({
      problem: 'offline',
      message: 'Webex could not be reached.',
    })
  })

  it('an answer it cannot read, and a server error, are provider errors', async () => {
    const s = await sim()
    const garbled: typeof fetch = async () => new Response(JSON.stringify({ items: [] }), { status: 200 })
    expect(
      await failure(webexChoices.fetch({ ...context(s.url), fetch: garbledAfterToken(garbled) }, 'webex_entry_points')),
    ).toEqual({
      problem: 'provider_error',
      message: 'Webex answered with a list Callboard cannot read.',
    })
    const failing: typeof fetch = async () => new Response('{}', { status: 500 })
    expect(
      await failure(webexChoices.fetch({ ...context(s.url), fetch: garbledAfterToken(failing) }, 'webex_outdial_anis')),
    ).toEqual({
      problem: 'provider_error',
      message: 'Webex answered 500.',
    })
  })
})

describe('Webex choices: answers the simulator does not give (the fetch port answers by hand)', () => {
  const TOKEN = { access_token: 'at-1', expires_in: 3600, refresh_token: secrets.webex.refreshToken }
  /** Answers the token endpoint with a token, and each list request with the next of `answers`. */
  function scripted(answers: (() => Response | Promise<Response>)[]): { fetch: typeof fetch; urls: string[] } {
    const urls: string[] = []
    return {
      urls,
      fetch: async (input) => {
        const url = String(input)
        if (url.endsWith('/v1/access_token')) return Response.json(TOKEN)
        urls.push(url)
        const next = answers.shift()
        if (!next) throw new Error(`unexpected request ${url}`)
        return next()
      },
    }
  }
  const run = (
    answers: (() => Response | Promise<Response>)[],
    kind: 'webex_entry_points' | 'webex_outdial_anis' = 'webex_entry_points',
  ) => {
    const port = scripted(answers)
    return { port, result: webexChoices.fetch({ ...context('http://127.0.0.1:9'), fetch: port.fetch }, kind) }
  }

  it('without a page count, a full page means another is asked for; names and types may be missing', async () => {
    const full = Array.from({ length: 100 }, (_, i) => ({ id: `ep-${i}` }))
    const { port, result } = run([
      () => Response.json({ data: full }),
      () => Response.json({ data: [{ id: 'ep-last', name: 'Last', entryPointType: 'OUTBOUND' }] }),
    ])
    const listed = await result
    expect(listed.choices).toHaveLength(101)
    expect(listed.choices[0]).toEqual({ value: 'ep-0', name: '' })
    expect(port.urls.map((u) => new URL(u).search)).toEqual(['?page=0&pageSize=100', '?page=1&pageSize=100'])
    const anis = run(
      [() => Response.json({ data: [{ number: '+14085550100' }], meta: { totalPages: 1 } })],
      'webex_outdial_anis',
    )
    expect((await anis.result).choices).toEqual([{ value: '+14085550100', name: '' }])
  })

  it('a body that is not JSON, an unknown organization, a token refused twice, a token server down', async () => {
    expect(await failure(run([() => new Response('<html>', { status: 200 })]).result)).toEqual({
      problem: 'provider_error',
      message: 'Webex answered with a list Callboard cannot read.',
    })
    expect(await failure(run([() => new Response('{}', { status: 404 })]).result)).toEqual({
      problem: 'not_configured',
      message: 'Webex does not know this organization id.',
    })
    const twice = run([() => new Response('{}', { status: 401 }), () => new Response('{}', { status: 401 })])
    expect(await failure(twice.result)).toEqual({
      problem: 'auth_rejected',
      message: 'Webex refused the access token.',
    })
    expect(twice.port.urls).toHaveLength(2)
    const tokenDown: typeof fetch = async () => new Response('{}', { status: 503 })
    expect(
      await failure(webexChoices.fetch({ ...context('http://127.0.0.1:9'), fetch: tokenDown }, 'webex_entry_points')),
    ).toEqual({
      problem: 'provider_error',
      message: 'Webex could not refresh the access token right now.',
    })
  })

  it('the list request cut off after the token, or not answered in time, is offline', async () => {
    expect(
      await failure(
        run([
          () => {
            throw new TypeError('fetch failed')
          },
        ]).result,
      ),
    ).toEqual({ problem: 'offline', message: 'Webex could not be reached.' })
    expect(
      await failure(
        run([
          () => {
            throw new DOMException('The operation timed out.', 'TimeoutError')
          },
        ]).result,
      ),
    ).toEqual({ problem: 'offline', message: 'Webex did not answer in time.' })
  })

  it('a list Webex does not offer is refused before any request', async () => {
    const port = scripted([])
    expect(
      await failure(
        webexChoices.fetch({ ...context('http://127.0.0.1:9'), fetch: port.fetch }, 'connect_contact_flows'),
      ),
    ).toMatchObject({ problem: 'not_configured' })
    expect(port.urls).toEqual([])
  })
})

/** Real fetch for the token endpoint, `list` for everything else. */
function garbledAfterToken(list: typeof fetch): typeof fetch {
  return (input, init) => (String(input).endsWith('/v1/access_token') ? fetch(input, init) : list(input, init))
}
