import type { SimResponse } from '../simulator-kit/loopback-server'

// Webex Contact Center's configuration lists as the simulator serves them: entry points and outdial
// ANI entries of one organization, paged by `page` (from 0) and `pageSize` (1–1000), answered as
// `{ data, meta: { orgid, page, pageSize, totalPages, totalRecords } }`.

export interface WebexSimEntryPoint {
  id: string
  name: string
  entryPointType: 'INBOUND' | 'OUTBOUND'
}

export interface WebexSimOutdialAni {
  id: string
  name: string
  number: string
}

export interface WebexSimLists {
  entryPoints: WebexSimEntryPoint[]
  outdialAnis: WebexSimOutdialAni[]
}

const ROUTE = /^\/organization\/([^/]+)\/(entry-point|outdial-ani\/entry)$/

/** Which list a GET asks for, and of which organization; null for any other path. */
export function listRoute(pathname: string): { orgId: string; list: keyof WebexSimLists } | null {
  const match = ROUTE.exec(pathname)
  if (!match) return null
  return { orgId: decodeURIComponent(match[1]!), list: match[2] === 'entry-point' ? 'entryPoints' : 'outdialAnis' }
}

/** One page; `pageCap` makes pages smaller than asked, so a few rows already take several pages. */
export function listPage(url: URL, rows: readonly object[], orgId: string, pageCap: number): SimResponse | string {
  const page = Number(url.searchParams.get('page') ?? '0')
  const asked = Number(url.searchParams.get('pageSize') ?? '100')
  if (!Number.isInteger(page) || page < 0) return 'page must be a whole number from 0.'
  if (!Number.isInteger(asked) || asked < 1 || asked > 1000) return 'pageSize must be between 1 and 1000.'
  const size = Math.min(asked, pageCap)
  const totalPages = Math.ceil(rows.length / size)
  return {
    status: 200,
    body: {
      data: rows.slice(page * size, page * size + size),
      meta: { orgid: orgId, page, pageSize: size, totalPages, totalRecords: rows.length },
    },
  }
}
