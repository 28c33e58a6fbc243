import { useI18n } from 'vue-i18n'
import { issueMessage } from '@shared/i18n/issue-message'
import { formatQuantity } from '@shared/i18n/format-quantity'
import { formatInstant, instantOf } from '@shared/i18n/format-instant'
import type { Leaves } from '@shared/i18n/message'
import { i18nGlobal, uiLanguage, type MessageSchema } from '.'

/** A key of the window's catalogue: main's keys (shared/i18n) and the window's own. */
export type WindowKey = Leaves<MessageSchema>

/**
 * A message the window shows: main's (a `Message`) or its own (a toast's), with parameters that may
 * be messages themselves ("Queued {kind}", kind a key), so all of it is rendered when shown, in the
 * language of that moment, never half in the language it was created in.
 */
export type WindowMessage = { key: WindowKey; params?: Record<string, WindowParam> }
export type WindowParam = string | number | WindowMessage

/** What renders a key: a component's `t` or the app's. */
type Translate = (key: string, params: Record<string, string | number>) => string

/**
 * A message from main in the window's language: its inner messages first, its quantities written
 * the way the language writes numbers (render-message.ts), then its own text.
 */
export function messageText(t: Translate, message: WindowMessage): string {
  const iso = instantOf(message)
  if (iso !== null) return formatInstant(iso, uiLanguage())
  const params: Record<string, string | number> = {}
  for (const [name, value] of Object.entries(message.params ?? {})) {
    params[name] =
      typeof value === 'object'
        ? messageText(t, value)
        : typeof value === 'number'
          ? formatQuantity(value, uiLanguage())
          : value
  }
  return t(message.key, params)
}

/** `messageText` bound to the component's i18n. */
export function useMessageText(): (message: WindowMessage) => string {
  const { t } = useI18n()
  return (message) => messageText(t, message)
}

/**
 * An issue's text in the window's language: a shared schema's key and parameters
 * (shared/i18n/issue-message.ts), or any other text as it is.
 */
export function issueTextIn(t: Translate, text: string): string {
  return messageText(t, issueMessage(text))
}

/** `issueTextIn` with the app's i18n, for code outside components (the forms' schema adapter). */
export function issueTextNow(text: string): string {
  return issueTextIn(i18nGlobal().t, text)
}
