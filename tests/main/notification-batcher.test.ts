import { describe, expect, it } from 'vitest'
import { createNotificationBatcher } from '../../electron/main/app/notification-batcher'
import { virtualTime } from './queue/virtual-time'
import { msg } from '../../shared/i18n/message'
import { noteInEnglish } from '../../electron/main/core/note'
import { said } from '../shared/in-english'

describe('task notifications in a burst', () => {
  it('sends the first of a kind at once and the rest of the burst as one summary; other kinds are their own', async () => {
    const time = virtualTime()
    const sent: { title: string; body: string }[] = []
    const batcher = createNotificationBatcher((n) => sent.push(noteInEnglish(n)), 3_000, time.timers)
    const held = msg('notice.held.title')
    for (let i = 0; i < 200; i++) batcher.notify({ title: held, body: said(`task ${i}`) })
    batcher.notify({ title: msg('notice.expired.title'), body: said('x') })
    expect(sent).toEqual([
      { title: 'Callboard: a task is held', body: 'task 0' },
      { title: 'Callboard: a task expired unsent', body: 'x' },
    ])
    await time.advance(3_000)
    expect(sent.slice(2)).toEqual([
      { title: 'Callboard: a task is held', body: '199 more tasks like this: see the queue in Callboard.' },
    ])
    // After the window, the next one goes out at once again.
    batcher.notify({ title: held, body: said('later') })
    expect(sent.at(-1)).toEqual({ title: 'Callboard: a task is held', body: 'later' })
  })
})
