import type { CallbackFormFields, FormFields } from '../provider-module'
import { connectTargets, firstConnectTarget } from './form'
import type { ConnectFlowTarget, ConnectIntent } from './intents'
import type { ConnectProfile } from './profile'

// Amazon Connect's own field in the callback form: the flow, quick connect or template that starts the task.

export const connectCallbackForm: CallbackFormFields<ConnectProfile, ConnectIntent> = {
  defaults: (profile) => ({ target: firstConnectTarget(profile) }),
  intent: (values) => ({ target: values.target }),
  kept: (from) => ({ target: from.target }),
  fit: (values, profile): FormFields =>
    isTargetOf(profile, values.target) ? {} : { target: firstConnectTarget(profile) },
}

function isTargetOf(profile: ConnectProfile, target: unknown): boolean {
  const { kind, id } = (target ?? {}) as Partial<ConnectFlowTarget>
  return kind !== undefined && connectTargets(profile, kind).some((x) => x.id === id)
}
