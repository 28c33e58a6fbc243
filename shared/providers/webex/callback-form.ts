import type { CallbackFormFields, FormFields } from '../provider-module'
import type { WebexIntent } from './intents'
import type { WebexProfile } from './profile'
import { WEBEX_SCHEDULED_CALLBACK_LIMITS } from './wire'

// Webex's own fields in the callback form: the outbound entry point whose flow places a callback
// now, and the length of a scheduled callback's window (later).

/** The entry points a profile can place calls through. */
export const outboundEntryPoints = (profile: WebexProfile | undefined) =>
  profile?.entryPoints.filter((e) => e.direction === 'outbound') ?? []

const firstEntryPoint = (profile: WebexProfile | undefined) => outboundEntryPoints(profile)[0]?.id ?? ''

export const webexCallbackForm: CallbackFormFields<WebexProfile, WebexIntent> = {
  defaults: (profile) => ({
    entryPointId: firstEntryPoint(profile),
    windowMinutes: WEBEX_SCHEDULED_CALLBACK_LIMITS.minDurationMinutes,
  }),
  // A window left empty is left out: Webex then takes the shortest it allows.
  intent: (values, later) =>
    later
      ? values.windowMinutes !== undefined && values.windowMinutes !== null
        ? { windowMinutes: values.windowMinutes }
        : {}
      : { entryPointId: values.entryPointId },
  kept: (from, profile) => ({ entryPointId: entryPointOf(from) ?? firstEntryPoint(profile) }),
  fit: (values, profile): FormFields =>
    outboundEntryPoints(profile).some((e) => e.id === values.entryPointId)
      ? {}
      : { entryPointId: firstEntryPoint(profile) },
}

function entryPointOf(from: WebexIntent | FormFields): string | undefined {
  const id = 'entryPointId' in from ? from.entryPointId : undefined
  return typeof id === 'string' ? id : undefined
}
