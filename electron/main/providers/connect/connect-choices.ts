import { msg } from '@shared/i18n/message'
import type { ConnectClient } from '@aws-sdk/client-connect'
import { ListContactFlowsCommand, ListQuickConnectsCommand, ListTaskTemplatesCommand } from '@aws-sdk/client-connect'
import type { Choice, ChoiceKind } from '@shared/schemas/choices'
import type { ChoiceSource, FetchedChoices } from '../choice-source'
import { ChoiceFetchError, collectPages } from '../choice-source'
import { AWS_CREDENTIAL_ERRORS, connectSdkClient } from './connect-sdk'
import { freshCredentials, serviceError } from './connection-probe'
import { CredentialsUnavailable } from './connect-credentials'

// Amazon Connect's lists of what a task can run through, read with the official SDK (SigV4, the
// profile's region or the sandbox's endpoint): ListContactFlows, ListQuickConnects and
// ListTaskTemplates, every page by NextToken.

const KINDS = ['connect_contact_flows', 'connect_quick_connects', 'connect_task_templates'] as const
type ConnectKind = (typeof KINDS)[number]

/** The largest page each operation allows (MaxResults: 1000 for flows and quick connects, 100 for templates). */
const PAGE = { connect_contact_flows: 1000, connect_quick_connects: 1000, connect_task_templates: 100 } as const

const choice = (id: string | undefined, name: string | undefined, detail: string | undefined): Choice[] =>
  id ? [{ value: id, name: name ?? '', ...(detail && { detail }) }] : []

type Page = (token: string | undefined) => Promise<{ choices: Choice[]; next: string | undefined }>

function pagesOf(client: ConnectClient, instanceId: string, kind: ConnectKind, signal: AbortSignal): Page {
  const options = { abortSignal: signal }
  const MaxResults = PAGE[kind]
  switch (kind) {
    case 'connect_contact_flows':
      // Only inbound flows (type CONTACT_FLOW) can start a task (StartTaskContact's ContactFlowId).
      return async (NextToken) => {
        const answer = await client.send(
          new ListContactFlowsCommand({
            InstanceId: instanceId,
            ContactFlowTypes: ['CONTACT_FLOW'],
            MaxResults,
            NextToken,
          }),
          options,
        )
        return {
          choices: (answer.ContactFlowSummaryList ?? []).flatMap((f) => choice(f.Id, f.Name, f.ContactFlowState)),
          next: answer.NextToken || undefined,
        }
      }
    case 'connect_quick_connects':
      return async (NextToken) => {
        const answer = await client.send(
          new ListQuickConnectsCommand({ InstanceId: instanceId, MaxResults, NextToken }),
          options,
        )
        return {
          choices: (answer.QuickConnectSummaryList ?? []).flatMap((q) => choice(q.Id, q.Name, q.QuickConnectType)),
          next: answer.NextToken || undefined,
        }
      }
    case 'connect_task_templates':
      // An inactive template cannot start a task.
      return async (NextToken) => {
        const answer = await client.send(
          new ListTaskTemplatesCommand({ InstanceId: instanceId, Status: 'ACTIVE', MaxResults, NextToken }),
          options,
        )
        return {
          choices: (answer.TaskTemplates ?? []).flatMap((t) => choice(t.Id, t.Name, t.Status)),
          next: answer.NextToken || undefined,
        }
      }
  }
}

const OPERATION: Record<ConnectKind, string> = {
  connect_contact_flows: 'connect:ListContactFlows',
  connect_quick_connects: 'connect:ListQuickConnects',
  connect_task_templates: 'connect:ListTaskTemplates',
}

/** An SDK failure as the window shows it. */
function classify(error: unknown, kind: ConnectKind, instanceId: string): ChoiceFetchError {
  const answered = serviceError(error)
  if (!answered) {
    const timedOut = error instanceof Error && (error.name === 'AbortError' || error.name === 'TimeoutError')
    return new ChoiceFetchError(
      'offline',
      msg(timedOut ? 'choiceFetch.connectTimedOut' : 'choiceFetch.connectUnreachable'),
    )
  }
  const { name, status } = answered
  if (AWS_CREDENTIAL_ERRORS.has(name)) {
    return new ChoiceFetchError('auth_rejected', msg('choiceFetch.connectCredentialsRefused'), status)
  }
  if (name === 'AccessDeniedException') {
    return new ChoiceFetchError(
      'not_permitted',
      msg('choiceFetch.connectNotPermitted', { operation: OPERATION[kind] }),
      status,
    )
  }
  if (name === 'ResourceNotFoundException') {
    return new ChoiceFetchError('not_configured', msg('choiceFetch.connectNoInstance', { instanceId }), status)
  }
  return new ChoiceFetchError(
    'provider_error',
    msg('choiceFetch.connectAnswered', { name: name.slice(0, 100), status }),
    status,
  )
}

const isConnectKind = (kind: ChoiceKind): kind is ConnectKind => (KINDS as readonly ChoiceKind[]).includes(kind)

export const connectChoices: ChoiceSource<'connect'> = {
  kinds: KINDS,
  origin: (profile) => `${profile.region} ${profile.instanceId}`,
  async fetch(context, kind): Promise<FetchedChoices> {
    const { profile, endpoint, signal } = context
    if (!isConnectKind(kind)) throw new ChoiceFetchError('not_configured', msg('choiceFetch.connectNoSuchList'))
    const credentials = await freshCredentials(context, endpoint)
    if (credentials instanceof CredentialsUnavailable) {
      throw new ChoiceFetchError(credentials.why === 'sign_in' ? 'auth_rejected' : 'offline', credentials.said)
    }
    const client = connectSdkClient(profile, credentials, { endpoint, timeoutMs: 10_000 })
    try {
      return await collectPages(pagesOf(client, profile.instanceId, kind, signal))
    } catch (error) {
      throw classify(error, kind, profile.instanceId)
    } finally {
      client.destroy()
    }
  },
}
