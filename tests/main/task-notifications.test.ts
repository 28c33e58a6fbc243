import { EventEmitter } from 'node:events'
import { describe, expect, it } from 'vitest'
import { createTaskNotifier, taskRoute } from '../../electron/main/desktop/task-notifications'
import { msg } from '../../shared/i18n/message'
import { said } from '../shared/in-english'

function fakeNotifications(supported = true) {
  const shown: FakeNotification[] = []
  class FakeNotification extends EventEmitter {
    static isSupported = () => supported
    constructor(readonly options: { title: string; body: string }) {
      super()
    }
    show() {
      shown.push(this)
    }
  }
  return { Notification: FakeNotification, shown }
}

const refused = msg('notice.refused.title')

describe('task notifications', () => {
  it('a click opens the task it is about, once; a summary opens the queue', () => {
    const { Notification, shown } = fakeNotifications()
    const opened: (string | null)[] = []
    const notify = createTaskNotifier(
      Notification,
      (taskId) => opened.push(taskId),
      () => 'en',
    )
    notify({ title: refused, body: said('x'), taskId: '5f0c6d2e-8a41-4c1b-9f37-2b1d0c3e4a55' })
    notify({ title: refused, body: msg('notice.more.many', { n: 3 }) })
    expect(shown.map((n) => n.options)).toEqual([
      { title: 'Callboard: a task was refused', body: 'x' },
      { title: 'Callboard: a task was refused', body: '3 more tasks like this: see the queue in Callboard.' },
    ])
    shown[1]!.emit('click')
    shown[0]!.emit('click')
    expect(opened).toEqual([null, '5f0c6d2e-8a41-4c1b-9f37-2b1d0c3e4a55'])
  })

  it('is worded in the language set when it is shown, its reason inside it too', () => {
    const { Notification, shown } = fakeNotifications()
    let language: 'en' | 'es' = 'es'
    const notify = createTaskNotifier(
      Notification,
      () => undefined,
      () => language,
    )
    const note = {
      title: msg('notice.expired.title'),
      body: msg('notice.expired.body', { what: '+34 612 345 678', why: msg('deadline.outdial', { minutes: 15 }) }),
    }
    notify(note)
    language = 'en'
    notify(note)
    expect(shown.map((n) => n.options)).toEqual([
      {
        title: 'Callboard: una tarea caducó sin enviarse',
        body: '+34 612 345 678: Una marcación no se realiza más de 15 minutos después de pedirla.',
      },
      {
        title: 'Callboard: a task expired unsent',
        body: '+34 612 345 678: An outdial is not placed more than 15 minutes after it was asked for.',
      },
    ])
  })

  it('shows nothing where the OS has no notifications', () => {
    const { Notification, shown } = fakeNotifications(false)
    createTaskNotifier(
      Notification,
      () => undefined,
      () => 'en',
    )({ title: said('t'), body: said('b') })
    expect(shown).toHaveLength(0)
  })

  it('routes: the queue on the task, the queue alone', () => {
    expect(taskRoute('5f0c6d2e-8a41-4c1b-9f37-2b1d0c3e4a55')).toBe('#/queue?task=5f0c6d2e-8a41-4c1b-9f37-2b1d0c3e4a55')
    expect(taskRoute(null)).toBe('#/queue')
  })
})
