import type { Message } from '../../shared/i18n/message'
import { isIssueText } from '../../shared/i18n/issue-message'
import { issueInEnglish, renderMessage } from '../../shared/i18n/render-message'

/** `T` with every message in it as its English text. */
export type InEnglish<T> = T extends Message
  ? string
  : T extends readonly (infer E)[]
    ? InEnglish<E>[]
    : T extends object
      ? { [K in keyof T]: InEnglish<T[K]> }
      : T

const isMessage = (value: unknown): value is Message =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as { key?: unknown }).key === 'string' &&
  Object.keys(value).every((k) => k === 'key' || k === 'params')

/**
 * `value` with every message (an outcome's reason, an entry's problem, a note's title, a schema
 * issue's text) rendered in English: what the tests assert on, as an agent reading English would
 * see it.
 */
export function inEnglish<T>(value: T): InEnglish<T> {
  const walk = (node: unknown): unknown => {
    if (isMessage(node)) return renderMessage(node, 'en')
    if (typeof node === 'string' && isIssueText(node)) return issueInEnglish(node)
    if (Array.isArray(node)) return node.map(walk)
    if (node && typeof node === 'object') return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, walk(v)]))
    return node
  }
  return walk(value) as InEnglish<T>
}

/** A message that says `text` as it is: what a test's fake provider or old journal line says. */
export const said = (text: string): Message => ({ key: 'asIs', params: { text } })
