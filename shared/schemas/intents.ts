import { z } from 'zod'
import { AiccsBroadcastIntent } from '../providers/aiccs/intents'
import { ConnectCallbackIntent, ConnectFollowUpIntent } from '../providers/connect/intents'
import { EgainFollowUpIntent } from '../providers/egain/intents'
import { NewVoiceBroadcastIntent, VoiceBroadcastIntent } from '../providers/voice-broadcast/intents'
import { NewOutdialIntent, OutdialIntent, WebexCallbackIntent } from '../providers/webex/intents'
import { DialableE164 } from './intent-fields'

// Task intents: what an agent asks for, independent of any provider's wire format. Each provider's
// intents live in its folder (shared/providers/<name>/intents.ts) and borrow their limits from its
// wire schemas, so a limit is stated in exactly one place; this file joins them into the four quick
// tasks. Each intent names the provider profile it is meant for; the provider registry
// (shared/providers/registry.ts) turns an intent plus that profile into the wire request.

export { AiccsBroadcastIntent, AiccsStart } from '../providers/aiccs/intents'
export { ConnectCallbackIntent, ConnectFlowTarget, ConnectFollowUpIntent } from '../providers/connect/intents'
export { EgainAssignee, EgainFollowUpIntent } from '../providers/egain/intents'
export { NewVoiceBroadcastIntent, VoiceBroadcastIntent } from '../providers/voice-broadcast/intents'
export { NewOutdialIntent, OutdialIntent, WebexCallbackIntent } from '../providers/webex/intents'
export { CallbackWhen, DialableE164, E164 } from './intent-fields'

export const CallbackIntent = z.discriminatedUnion('provider', [WebexCallbackIntent, ConnectCallbackIntent])
export type CallbackIntent = z.infer<typeof CallbackIntent>

/** A callback being queued now: its destination must be dialable (see DialableE164). */
export const NewCallbackIntent = z.discriminatedUnion('provider', [
  WebexCallbackIntent.extend({ destination: DialableE164 }),
  ConnectCallbackIntent.extend({ destination: DialableE164 }),
])

export const FollowUpIntent = z.discriminatedUnion('provider', [EgainFollowUpIntent, ConnectFollowUpIntent])
export type FollowUpIntent = z.infer<typeof FollowUpIntent>

export const BroadcastIntent = z.discriminatedUnion('provider', [VoiceBroadcastIntent, AiccsBroadcastIntent])
export type BroadcastIntent = z.infer<typeof BroadcastIntent>

/** A broadcast being queued now: every number of a voice broadcast dialable. */
export const NewBroadcastIntent = z.discriminatedUnion('provider', [NewVoiceBroadcastIntent, AiccsBroadcastIntent])

// ——— all ———

export const TaskIntent = z.discriminatedUnion('kind', [OutdialIntent, CallbackIntent, FollowUpIntent, BroadcastIntent])
export type TaskIntent = z.infer<typeof TaskIntent>

/** The quick tasks: one tab each in the window, one kind of intent each. */
export const TaskKind = z.enum(['outdial', 'callback', 'followUp', 'broadcast'])
export type TaskKind = z.infer<typeof TaskKind>

/** A task being queued now (tasks:submit): as TaskIntent, with every destination and broadcast number dialable. */
export const NewTaskIntent = z.discriminatedUnion('kind', [
  NewOutdialIntent,
  NewCallbackIntent,
  FollowUpIntent,
  NewBroadcastIntent,
])
