import { z } from 'zod'
import { refusingProtoKey } from '../schemas/record-keys'
import type { en } from './en'

// Every sentence main says to the agent travels as a key of the catalogues here with its
// parameters, never as English: the window renders it with vue-i18n in the agent's language, and
// main renders it itself where it speaks directly (OS notifications, its own dialogs, the log).

/** The dotted paths to the texts of a catalogue: `sendOutcome.keychain`, … */
export type Leaves<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : Leaves<T[K], `${Prefix}${K}.`>
}[keyof T & string]

/** A key of the English catalogue, the one source of the keys. */
export type MessageKey = Leaves<typeof en>

/**
 * Read leniently: any short text passes at run time, so a key this version does not know (a newer
 * version's journal) is kept and shown as the key; written, it is checked by the type checker.
 */
const Key = z.custom<MessageKey>((value) => typeof value === 'string' && value.length > 0 && value.length <= 200, {
  error: 'Not a message key.',
})

/**
 * A key with parameters. A parameter is a value (a name, a number, the provider's own words, as
 * they are) or a message of its own (a reason within a notification), rendered in the same
 * language first.
 */
export type Message = { key: MessageKey; params?: Record<string, MessageParam> }
export type MessageParam = string | number | Message

const Params: z.ZodType<Record<string, MessageParam>> = refusingProtoKey(
  z.record(z.string(), z.union([z.string(), z.number(), z.lazy(() => Message)])),
)
export const Message: z.ZodType<Message> = z.object({ key: Key, params: Params.optional() }).strict()

/**
 * What older versions wrote as an English sentence (the durable journal keeps it), read as the
 * message that shows that sentence as it is; new records hold keys.
 */
export const StoredMessage = z.union([
  Message,
  z
    .string()
    .min(1)
    .transform((text): Message => msg('asIs', { text })),
])

/**
 * A message: the key is checked against the English catalogue by the type checker. Its type keeps
 * the parameters' own, so a message of plain values can be a parameter of another.
 */
export function msg<P extends Record<string, MessageParam> = never>(
  key: MessageKey,
  params?: P,
): { key: MessageKey; params?: P } {
  return params ? { key, params } : { key }
}

/**
 * Several messages as one, in order ("first; second; …"), each rendered in the language of the
 * whole: for a reason made of several (a settings file's problems, a record's issues).
 */
export function listOf(messages: readonly Message[]): Message {
  const [first, ...rest] = messages
  if (!first) return msg('asIs', { text: '' })
  // The key is the settings banner's, where this began: stored reasons already name it.
  return rest.length ? msg('settingsFile.list', { first, rest: listOf(rest) }) : first
}
