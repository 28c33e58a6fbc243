import { z } from 'zod'
import { providerList, type SharedModule, type ProviderName } from '../providers/registry'
import { TaskKind } from './task-kind'

// Task intents: what an agent asks for, independent of any provider's wire format. Each provider's
// intents live in its folder (shared/providers/<name>/intents.ts) and borrow their limits from its
// wire schemas, so a limit is stated in exactly one place; its module (shared/providers/<name>/index.ts)
// states which quick tasks it takes with which of those schemas, and this file joins the registry's
// modules into the four quick tasks. Each intent names the provider profile it is meant for; the
// provider registry (shared/providers/registry.ts) turns an intent plus that profile into the wire request.

export { AiccsBroadcastIntent, AiccsStart } from '../providers/aiccs/intents'
export { ConnectCallbackIntent, ConnectFlowTarget, ConnectFollowUpIntent } from '../providers/connect/intents'
export { EgainAssignee, EgainFollowUpIntent } from '../providers/egain/intents'
export { NewVoiceBroadcastIntent, VoiceBroadcastIntent } from '../providers/voice-broadcast/intents'
export { WebexCallbackIntent } from '../providers/webex/intents'
export { CallbackWhen, DialableE164, E164 } from './intent-fields'
export { TaskKind } from './task-kind'

/** Every provider's schemas for every quick task it takes, each entry typed by its kind. */
type IntentSchemas = SharedModule<ProviderName>['intents'][number]
type SchemasOf<K extends TaskKind> = Extract<IntentSchemas, { kind: K }>

/**
 * The registry's schemas for quick task `kind` (its intent's, or a new one's: `new`), in the
 * registry's order.
 */
function schemasOf<K extends TaskKind, W extends 'intent' | 'new'>(
  kind: K,
  which: W,
): [SchemasOf<K>[W], ...SchemasOf<K>[W][]] {
  const found = providerList
    .flatMap((provider) => provider.intents)
    .filter((schemas): schemas is SchemasOf<K> => schemas.kind === kind)
    .map((schemas) => schemas[which])
  const [first, ...rest] = found
  if (first === undefined) throw new Error(`no provider takes ${kind} tasks`)
  return [first, ...rest]
}

/**
 * The one provider's schema for a kind whose intents name no provider (outdials: Webex dials).
 * A second provider of the kind would have to name itself in its intents, to be told apart.
 */
function soleSchema<K extends TaskKind, W extends 'intent' | 'new'>(kind: K, which: W): SchemasOf<K>[W] {
  const [only, ...others] = schemasOf(kind, which)
  if (others.length > 0) throw new Error(`${kind} intents name no provider: only one provider can take them`)
  return only
}

export const OutdialIntent = soleSchema('outdial', 'intent')
export type OutdialIntent = z.infer<typeof OutdialIntent>

/** An outdial being queued now: its destination must be dialable (see DialableE164). */
export const NewOutdialIntent = soleSchema('outdial', 'new')

export const CallbackIntent = z.discriminatedUnion('provider', schemasOf('callback', 'intent'))
export type CallbackIntent = z.infer<typeof CallbackIntent>

/** A callback being queued now: its destination must be dialable (see DialableE164). */
export const NewCallbackIntent = z.discriminatedUnion('provider', schemasOf('callback', 'new'))

export const FollowUpIntent = z.discriminatedUnion('provider', schemasOf('followUp', 'intent'))
export type FollowUpIntent = z.infer<typeof FollowUpIntent>

/** A follow-up being queued now (as any follow-up: it has no number to dial). */
export const NewFollowUpIntent = z.discriminatedUnion('provider', schemasOf('followUp', 'new'))

export const BroadcastIntent = z.discriminatedUnion('provider', schemasOf('broadcast', 'intent'))
export type BroadcastIntent = z.infer<typeof BroadcastIntent>

/** A broadcast being queued now: every number of a voice broadcast dialable. */
export const NewBroadcastIntent = z.discriminatedUnion('provider', schemasOf('broadcast', 'new'))

// ——— all ———

export const TaskIntent = z.discriminatedUnion('kind', [OutdialIntent, CallbackIntent, FollowUpIntent, BroadcastIntent])
export type TaskIntent = z.infer<typeof TaskIntent>

/** A task being queued now (tasks:submit): as TaskIntent, with every destination and broadcast number dialable. */
export const NewTaskIntent = z.discriminatedUnion('kind', [
  NewOutdialIntent,
  NewCallbackIntent,
  NewFollowUpIntent,
  NewBroadcastIntent,
])
