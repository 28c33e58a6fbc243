import { EventEmitter } from 'node:events'
import { describe, expect, it } from 'vitest'
import { createTaskNotifier, taskRoute } from '../../electron/main/desktop/task-notifications'

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

describe('task notifications', () => {
  it('a click opens the task it is about, once; a summary opens the queue', () => {
    const { Notification, shown } = fakeNotifications()
    const opened: (string | null)[] = []
    const notify = createTaskNotifier(Notification, (taskId) => opened.push(taskId))
    notify({ title: 'Callboard: a task was refused', body: 'x', taskId: '5f0c6d2e-8a41-4c1b-9f37-2b1d0c3e4a55' })
    notify({ title: 'Callboard: a task was refused', body: '3 more tasks like this' })
    expect(shown.map((n) => n.options)).toEqual([
      { title: 'Callboard: a task was refused', body: 'x' },
      { title: 'Callboard: a task was refused', body: '3 more tasks like this' },
    ])
    shown[1]!.emit('click')
    shown[0]!.emit('click')
    expect(opened).toEqual([null, '5f0c6d2e-8a41-4c1b-9f37-2b1d0c3e4a55'])
  })

  it('shows nothing where the OS has no notifications', () => {
    const { Notification, shown } = fakeNotifications(false)
    createTaskNotifier(Notification, () => undefined)({ title: 't', body: 'b' })
    expect(shown).toHaveLength(0)
  })

  it('routes: the queue on the task, the queue alone', () => {
    expect(taskRoute('5f0c6d2e-8a41-4c1b-9f37-2b1d0c3e4a55')).toBe('#/queue?task=5f0c6d2e-8a41-4c1b-9f37-2b1d0c3e4a55')
    expect(taskRoute(null)).toBe('#/queue')
  })
})
