import { msg, type Message } from '../i18n/message'

// What a task is about, for its queue and history rows, notifications and the window's questions:
// the agent's own words (a name, a number) as data, and any words of the app's around them as a key,
// so that the window says them in the agent's language when it shows them, not when the task was made.

/** The agent's words, shown as they are. */
export const typedSubject = (text: string): Message => msg('asIs', { text })

/** A name and what tells it apart (a customer and the number to call back). */
export const namedSubject = (name: string, detail: string): Message => msg('taskSubject.named', { name, detail })

/** A broadcast's name and how many numbers it calls. */
export const broadcastSubject = (name: string, numbers: number): Message =>
  msg('taskSubject.broadcast', {
    name,
    numbers: numbers === 1 ? msg('count.numbers.one') : msg('count.numbers.many', { n: numbers }),
  })

/**
 * The words of a subject a search matches: its values (the name, the number, a count), in no
 * language, so that History finds a task by what the agent typed whatever language the window is in.
 */
export function subjectWords(subject: Message): string {
  const words: string[] = []
  const walk = (message: Message): void => {
    for (const value of Object.values(message.params ?? {}))
      if (typeof value === 'object') walk(value)
      else words.push(String(value))
  }
  walk(subject)
  return words.join(' ')
}
