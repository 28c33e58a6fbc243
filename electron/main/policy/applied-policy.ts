import type { InvokeHandlers } from '@shared/ipc/contract'
import type { PolicyDocument, PolicyState } from '@shared/schemas/policy'
import { renderMessage } from '@shared/i18n/render-message'
import type { Logger } from '../core/logger'
import type { PolicyRead } from './read-policy'

/** The administrator's policy as the app runs with it: applied whole, or (its problem said) not at all. */
export interface AppliedPolicy {
  /** What is applied, or null (none found, or one that could not be applied). */
  policy: PolicyDocument | null
  /** Where it came from, what it locks and provides, or why it is not applied: for the window and diagnostics. */
  state: PolicyState
}

export function applyPolicy(read: PolicyRead | undefined, logger: Logger): AppliedPolicy {
  const { source, policy, problem } = read ?? { source: null, policy: null, problem: null }
  if (problem) logger.error('policy not applied', { source, problem: renderMessage(problem, 'en') })
  else if (policy) logger.info('policy applied', { source })
  return {
    policy,
    state: {
      source,
      problem,
      lockedSettings: Object.keys(policy?.settings ?? {}) as PolicyState['lockedSettings'],
      managedProfiles: (policy?.profiles ?? []).map((p) => p.id),
      allowedProviders: policy?.allowedProviders ?? null,
    },
  }
}

/** The policy, as the contract offers it. */
export const policyHandlers = (applied: AppliedPolicy): InvokeHandlers<'policy:state'> => ({
  'policy:state': () => applied.state,
})
