import type { SimRequest } from '../simulator-kit/loopback-server'

// Amazon Connect's three list operations as the simulator serves them (restJson1, as the SDK's model
// routes them): ListContactFlows `GET /contact-flows-summary/{InstanceId}`, ListQuickConnects
// `GET /quick-connects/{InstanceId}`, ListTaskTemplates `GET /instance/{InstanceId}/task/template`,
// each paged by `maxResults` and an opaque `nextToken`.

export interface ConnectSimListed {
  id: string
  name: string
  /** ContactFlowType, QuickConnectType or a template's Status. */
  type: string
}

export interface ConnectSimLists {
  contactFlows: ConnectSimListed[]
  quickConnects: ConnectSimListed[]
  taskTemplates: ConnectSimListed[]
}

const OPERATIONS = [
  {
    name: 'ListContactFlows',
    route: /^\/contact-flows-summary\/([^/]+)$/,
    list: 'contactFlows',
    max: 1000,
    // The filter the SDK sends as `contactFlowTypes` (repeated).
    filter: (url: URL) => url.searchParams.getAll('contactFlowTypes'),
    answer: (rows: ConnectSimListed[], region: string, account: string, instance: string) => ({
      ContactFlowSummaryList: rows.map((r) => ({
        Id: r.id,
        Arn: `arn:aws:connect:${region}:${account}:instance/${instance}/contact-flow/${r.id}`,
        Name: r.name,
        ContactFlowType: r.type,
        ContactFlowState: 'ACTIVE',
        ContactFlowStatus: 'PUBLISHED',
      })),
    }),
  },
  {
    name: 'ListQuickConnects',
    route: /^\/quick-connects\/([^/]+)$/,
    list: 'quickConnects',
    max: 1000,
    filter: (url: URL) => url.searchParams.getAll('QuickConnectTypes'),
    answer: (rows: ConnectSimListed[], region: string, account: string, instance: string) => ({
      QuickConnectSummaryList: rows.map((r) => ({
        Id: r.id,
        Arn: `arn:aws:connect:${region}:${account}:instance/${instance}/transfer-destination/${r.id}`,
        Name: r.name,
        QuickConnectType: r.type,
        LastModifiedTime: 1_767_225_600,
        LastModifiedRegion: region,
      })),
    }),
  },
  {
    name: 'ListTaskTemplates',
    route: /^\/instance\/([^/]+)\/task\/template$/,
    list: 'taskTemplates',
    max: 100,
    filter: (url: URL) => url.searchParams.getAll('status'),
    answer: (rows: ConnectSimListed[], region: string, account: string, instance: string) => ({
      TaskTemplates: rows.map((r) => ({
        Id: r.id,
        Arn: `arn:aws:connect:${region}:${account}:instance/${instance}/task-template/${r.id}`,
        Name: r.name,
        Status: r.type,
        LastModifiedTime: 1_767_225_600,
        CreatedTime: 1_767_225_600,
      })),
    }),
  },
] as const

export type ConnectListOperation = (typeof OPERATIONS)[number]

/** Which list operation a request is, and for which instance; null for any other request. */
export function listOperation(
  request: Pick<SimRequest, 'method' | 'url'>,
): { operation: ConnectListOperation; instanceId: string } | null {
  if (request.method !== 'GET') return null
  for (const operation of OPERATIONS) {
    const match = operation.route.exec(request.url.pathname)
    if (match) return { operation, instanceId: decodeURIComponent(match[1]!) }
  }
  return null
}

/**
 * One page of a list, once the request is authenticated and the instance known. `pageCap` makes
 * pages smaller than asked, so a few rows already take several pages.
 */
export function listPage(
  url: URL,
  operation: ConnectListOperation,
  lists: ConnectSimLists,
  where: { region: string; account: string; instanceId: string; pageCap: number },
): { status: number; body: object; errorType?: string } {
  const maxResults = url.searchParams.get('maxResults')
  const asked = maxResults === null ? operation.max : Number(maxResults)
  if (!Number.isInteger(asked) || asked < 1 || asked > operation.max) {
    return {
      status: 400,
      errorType: 'InvalidParameterException',
      body: { Message: `maxResults must be between 1 and ${operation.max}.` },
    }
  }
  const filter = operation.filter(url)
  const rows = lists[operation.list].filter((r) => filter.length === 0 || filter.includes(r.type))
  const token = url.searchParams.get('nextToken')
  const start = token === null ? 0 : Number.parseInt(Buffer.from(token, 'base64url').toString('utf8').slice(5), 10)
  if (!Number.isInteger(start) || start < 0 || start > rows.length || (token !== null && !token)) {
    return { status: 400, errorType: 'InvalidParameterException', body: { Message: 'The nextToken is not valid.' } }
  }
  const end = Math.min(rows.length, start + Math.min(asked, where.pageCap))
  const next = end < rows.length ? Buffer.from(`page:${end}`).toString('base64url') : undefined
  return {
    status: 200,
    body: {
      ...operation.answer(rows.slice(start, end), where.region, where.account, where.instanceId),
      ...(next && { NextToken: next }),
    },
  }
}
