import { msg } from '@shared/i18n/message'
import { z } from 'zod'
import type { Choice, ChoiceKind } from '@shared/schemas/choices'
import type { ProbeContext } from '../connection-probe'
import type { ChoiceSource } from '../choice-source'
import { ChoiceFetchError, collectPages } from '../choice-source'
import { OAuthRefused } from '../http/oauth'
import { webexAccessToken } from './connection-probe'
import { webexHosts } from './webex-endpoints'

// Webex Contact Center's configuration lists (Cisco's Configuration API, not in the task-creation
// extract in /shared/specs): `GET /organization/{orgid}/entry-point` and
// `GET /organization/{orgid}/outdial-ani/entry`, paged by `page` (from 0) and `pageSize`, answering
// `{ data: [...], meta: { page, totalPages } }` [I: the shape as Cisco's reference and widgets show it].
// They need the profile's organization id and a token with cjp:config_read.

const PAGE_SIZE = 100

/** Reads one page of a list: its choices and how many pages there are (when Webex says). */
function pageReader<T extends z.ZodType>(item: T, toChoice: (item: z.output<T>) => Choice) {
  const Page = z.object({
    data: z.array(item),
    meta: z.object({ totalPages: z.number().int().nonnegative() }).partial().optional(),
  })
  return (body: unknown) => {
    const parsed = Page.safeParse(body)
    if (!parsed.success) return null
    return { choices: parsed.data.data.map(toChoice), totalPages: parsed.data.meta?.totalPages }
  }
}

const EntryPoint = z.object({
  id: z.string().min(1),
  name: z.string().optional(),
  entryPointType: z.string().optional(),
})
const OutdialAniEntry = z.object({ number: z.string().min(1), name: z.string().optional() })

const LISTS = {
  webex_entry_points: {
    path: 'entry-point',
    read: pageReader(EntryPoint, (e) => ({
      value: e.id,
      name: e.name ?? '',
      ...(e.entryPointType && { detail: e.entryPointType }),
    })),
  },
  webex_outdial_anis: {
    path: 'outdial-ani/entry',
    read: pageReader(OutdialAniEntry, (a) => ({ value: a.number, name: a.name ?? '' })),
  },
} as const
type WebexKind = keyof typeof LISTS

const isWebexKind = (kind: ChoiceKind): kind is WebexKind => kind in LISTS

/** One GET with the profile's token; after a 401 an OAuth profile's token is refreshed once. */
async function get(context: ProbeContext<'webex'>, url: string): Promise<unknown> {
  for (let attempt = 0; ; attempt++) {
    let token: string
    try {
      token = await webexAccessToken(context)
    } catch (error) {
      if (error instanceof OAuthRefused) {
        throw error.status >= 500
          ? new ChoiceFetchError('provider_error', msg('choiceFetch.webexTokenLater'), error.status)
          : new ChoiceFetchError('auth_rejected', msg('choiceFetch.webexOAuthRefused'), error.status)
      }
      throw offline(error)
    }
    let response: Response
    try {
      response = await context.fetch(url, {
        headers: { authorization: `Bearer ${token}`, accept: 'application/json' },
        signal: context.signal,
      })
    } catch (error) {
      throw offline(error)
    }
    if (response.ok) return response.json().catch(() => null)
    if (response.status === 401 && context.secret.kind !== 'access_token' && attempt === 0) {
      await context.tokens.invalidate(context.profile.id)
      continue
    }
    throw refused(response.status)
  }
}

function offline(error: unknown): ChoiceFetchError {
  const timedOut = error instanceof Error && (error.name === 'AbortError' || error.name === 'TimeoutError')
  return new ChoiceFetchError('offline', msg(timedOut ? 'choiceFetch.webexTimedOut' : 'choiceFetch.webexUnreachable'))
}

function refused(status: number): ChoiceFetchError {
  if (status === 401) return new ChoiceFetchError('auth_rejected', msg('choiceFetch.webexTokenRefused'), status)
  if (status === 403) {
    return new ChoiceFetchError('not_permitted', msg('choiceFetch.webexScope'), status)
  }
  if (status === 404) {
    return new ChoiceFetchError('not_configured', msg('choiceFetch.webexNoOrg'), status)
  }
  return new ChoiceFetchError('provider_error', msg('choiceFetch.webexAnswered', { status }), status)
}

export const webexChoices: ChoiceSource<'webex'> = {
  kinds: Object.keys(LISTS) as WebexKind[],
  origin: (profile) => `${webexHosts(profile).api} ${profile.orgId.trim()}`,
  async fetch(context, kind) {
    if (!isWebexKind(kind)) throw new ChoiceFetchError('not_configured', msg('choiceFetch.webexNoSuchList'))
    const orgId = context.profile.orgId.trim()
    if (!orgId) {
      throw new ChoiceFetchError('not_configured', msg('choiceFetch.webexNeedsOrg'))
    }
    const list = LISTS[kind]
    const base = `${webexHosts(context.profile).api}/organization/${encodeURIComponent(orgId)}/${list.path}`
    return collectPages<number>(async (page = 0) => {
      const body = await get(context, `${base}?page=${page}&pageSize=${PAGE_SIZE}`)
      const read = list.read(body)
      if (!read) throw new ChoiceFetchError('provider_error', msg('choiceFetch.webexUnreadable'))
      // Without a page count, a full page means there may be another.
      const more = read.totalPages === undefined ? read.choices.length === PAGE_SIZE : page + 1 < read.totalPages
      return { choices: read.choices, next: more ? page + 1 : undefined }
    })
  },
}
