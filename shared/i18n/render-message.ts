import type { UiLanguage } from '../schemas/settings'
import { en } from './en'
import { es } from './es'
import { issueMessage } from './issue-message'
import { formatQuantity } from './format-quantity'
import { formatInstant, instantOf } from './format-instant'
import type { Message } from './message'

export const catalogues = { en, es } as const

const PLACEHOLDER = /\{(\w+)\}/g

function lookup(language: UiLanguage, key: string): string | undefined {
  let node: unknown = catalogues[language]
  for (const part of key.split('.')) {
    if (node === null || typeof node !== 'object') return undefined
    node = (node as Record<string, unknown>)[part]
  }
  return typeof node === 'string' ? node : undefined
}

/**
 * A message in `language` (English where a text is missing, the key where even that is): for what
 * main shows or writes itself. The catalogues use `{name}` placeholders only (tested), so this and
 * vue-i18n in the window render them alike.
 */
export function renderMessage(message: Message, language: UiLanguage = 'en'): string {
  const iso = instantOf(message)
  if (iso !== null) return formatInstant(iso, language)
  const template = lookup(language, message.key) ?? lookup('en', message.key) ?? message.key
  const params = message.params ?? {}
  return template.replace(PLACEHOLDER, (whole, name: string) => {
    const value = params[name]
    if (value === undefined) return whole
    if (typeof value === 'object') return renderMessage(value, language)
    return typeof value === 'number' ? formatQuantity(value, language) : value
  })
}

/** An issue's text (issue-message.ts) in English: for what main logs or words itself around it. */
export const issueInEnglish = (text: string): string => renderMessage(issueMessage(text))
