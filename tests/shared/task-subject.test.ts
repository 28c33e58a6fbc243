import { describe, expect, it } from 'vitest'
import { renderMessage } from '../../shared/i18n/render-message'
import { sampleTasks, taskSubject } from '../../shared/providers/registry'
import { subjectWords } from '../../shared/providers/subject-kit'
import { QueueItem } from '../../shared/schemas/outbox'
import { Profile } from '../../shared/schemas/profiles'
import type { TaskIntent } from '../../shared/schemas/intents'
import { drafts } from './fixtures'

// Issue #16 item 6: what a task is about (its queue and history row, notifications, the window's
// questions) is data, the agent's words with the app's around them as a key, so a Spanish agent
// reads "Pedidos · 3 números", and a change of language re-words a row already drawn.

const voice = Profile.parse({ ...drafts.voice_broadcast, id: '33333333-3333-4333-8333-333333333333' })
const webex = Profile.parse({ ...drafts.webex, id: '11111111-1111-4111-8111-111111111111' })
const NOW = new Date('2026-12-07T10:00:00Z')

function sample(profile: Profile, kind: TaskIntent['kind']): TaskIntent {
  const found = sampleTasks(profile, NOW, 'Europe/Madrid').find((s) => s.intent.kind === kind)
  if (!found) throw new Error(`no ${kind} sample`)
  return found.intent
}

function broadcastTo(count: number): TaskIntent {
  const intent = sample(voice, 'broadcast')
  if (intent.kind !== 'broadcast' || intent.provider !== 'voice_broadcast') throw new Error('not a voice broadcast')
  const numbers = Array.from({ length: count }, (_, i) => `+3461234567${i}`)
  return { ...intent, taskName: 'Pedidos', numbers }
}

describe("a task's subject", () => {
  it("says a broadcast's count of numbers in the agent's language, one and many", () => {
    expect(renderMessage(taskSubject(broadcastTo(3)), 'es')).toBe('Pedidos · 3 números')
    expect(renderMessage(taskSubject(broadcastTo(3)), 'en')).toBe('Pedidos · 3 numbers')
    expect(renderMessage(taskSubject(broadcastTo(1)), 'es')).toBe('Pedidos · 1 número')
    expect(renderMessage(taskSubject(broadcastTo(1)), 'en')).toBe('Pedidos · 1 number')
  })

  it("keeps the agent's words as they are, and a search finds them in any language", () => {
    const callback = sample(webex, 'callback')
    if (callback.kind !== 'callback') throw new Error('not a callback')
    const subject = taskSubject(callback)
    expect(renderMessage(subject, 'es')).toBe(`${callback.customerName} · ${callback.destination}`)
    expect(subjectWords(subject)).toContain(callback.customerName)
    expect(subjectWords(taskSubject(broadcastTo(3)))).toBe('Pedidos 3')
  })

  it('reads a plain-text subject (an older answer) as that text', () => {
    const parsed = QueueItem.shape.subject.parse('Pedidos · 3 numbers')
    expect(renderMessage(parsed, 'es')).toBe('Pedidos · 3 numbers')
  })
})
