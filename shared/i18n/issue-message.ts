import { z } from 'zod'
import type { Message, MessageKey, MessageParam } from './message'
import type { schemaEn } from './schema-en'
import { zodIssueMessage } from './zod-issues'

// zod keeps an issue's message as text, and the shared schemas run in main and in the window alike,
// so a schema cannot render its message in the agent's language when it refuses a value. It writes
// the message's key and parameters into that text instead (`issueText`), and whoever shows the
// issue reads them back (`issueMessage`) and renders them: the window with vue-i18n in the agent's
// language, main in English for its log. The text stays opaque on the way (IPC, Result errors).

/** Starts every encoded message: an invisible separator no sentence starts with, then a tag. */
const MARK = '\u2063msg:'

/** An issue's message that carries `key` (with `params`), for zod's `error`/`message`. */
export function issueText(key: MessageKey, params?: Record<string, MessageParam>): string {
  return MARK + JSON.stringify(params ? { key, params } : { key })
}

// zod's own issues (a schema that states no message) carry their key too, in every process that
// checks values (main, the window, the harness, the tests): zod's error map is global, and every
// reader of an issue imports this module, so it is set here, once, rather than at each entry point.
// A schema's own message, and an error map passed to one parse, still come first.
z.config({
  customError: (issue) => {
    const { key, params } = zodIssueMessage(issue)
    return issueText(key, params)
  },
})

const isParam = (value: unknown): value is MessageParam =>
  typeof value === 'string' || typeof value === 'number' || isMessage(value)

function isMessage(value: unknown): value is Message {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false
  const { key, params, ...rest } = value as Record<string, unknown>
  if (typeof key !== 'string' || key.length === 0 || Object.keys(rest).length > 0) return false
  if (params === undefined) return true
  return (
    typeof params === 'object' &&
    params !== null &&
    !Array.isArray(params) &&
    !Object.hasOwn(params, '__proto__') &&
    Object.values(params).every(isParam)
  )
}

/**
 * The message an issue's text carries: the key and parameters `issueText` wrote, or the text as it
 * is (a message from elsewhere: a library's, an older version's).
 */
export function issueMessage(text: string): Message {
  if (text.startsWith(MARK)) {
    try {
      const decoded: unknown = JSON.parse(text.slice(MARK.length))
      if (isMessage(decoded)) return decoded
    } catch {
      // not ours after all: shown as it is
    }
  }
  return { key: 'asIs', params: { text } }
}

/** Whether `text` carries a message key (the tests' check that no schema says plain English). */
export const isIssueText = (text: string): boolean => text.startsWith(MARK)

/** What a schema's helper names in its messages ("Enter the {what}."): a key of the nouns. */
export type SchemaNoun = keyof typeof schemaEn.noun

/** The noun `what`, a parameter of a helper's message. */
export const noun = (what: SchemaNoun): Message => ({ key: `schema.noun.${what}` })
