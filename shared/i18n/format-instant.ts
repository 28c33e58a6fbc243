import { msg, type Message } from './message'

/**
 * A point in time as a message parameter: `instant(iso)` travels as the key `instant` with the ISO
 * text, and both renderers (render-message.ts in main, message-text.ts in the window) write it the
 * way the agent's language writes a date and time, in this computer's zone. Sent as the ISO text
 * itself, a Spanish agent read "2026-12-07T09:05:00.000Z".
 */
export const instant = (iso: string): Message => msg('instant', { iso })

/** The instant's text in `language`, or the ISO text as it is when it is not a time. */
export function formatInstant(iso: string, language: string): string {
  const at = new Date(iso)
  if (Number.isNaN(at.getTime())) return iso
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(at)
}

/** The ISO text of an `instant` message, or null for any other message. */
export function instantOf(message: { key: string; params?: Readonly<Record<string, unknown>> }): string | null {
  const iso = message.params?.['iso']
  return message.key === 'instant' && typeof iso === 'string' ? iso : null
}
