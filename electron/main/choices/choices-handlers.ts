import type { InvokeHandlers } from '@shared/ipc/contract'
import type { ChoicesService } from './choices-service'

/** The provider lists (entry points, flows, …) as the contract offers them. */
export function choicesHandlers(choices: Pick<ChoicesService, 'list'>): InvokeHandlers<'choices:list'> {
  return { 'choices:list': (query) => choices.list(query) }
}
