import { describe, expect, it, vi } from 'vitest'
import { eventChannels, invokeChannels } from '../../shared/ipc/channels'

const electron = vi.hoisted(() => {
  const listeners = new Map<string, Set<(...args: unknown[]) => void>>()
  return {
    exposed: new Map<string, unknown>(),
    listeners,
    contextBridge: {
      exposeInMainWorld: (key: string, api: unknown) => electron.exposed.set(key, api),
    },
    ipcRenderer: {
      invoke: vi.fn(async (channel: string, input: unknown) => ({ ok: true, value: { channel, input } })),
      on: vi.fn((channel: string, fn: (...args: unknown[]) => void) => {
        if (!listeners.has(channel)) listeners.set(channel, new Set())
        listeners.get(channel)!.add(fn)
      }),
      removeListener: vi.fn((channel: string, fn: (...args: unknown[]) => void) => listeners.get(channel)?.delete(fn)),
      send: vi.fn(),
    },
  }
})
vi.mock('electron', () => ({ contextBridge: electron.contextBridge, ipcRenderer: electron.ipcRenderer }))

describe('preload bridge', async () => {
  await import('../../electron/preload/index')
  const api = electron.exposed.get('callboard') as Record<string, Record<string, (...args: unknown[]) => unknown>>

  it('exposes one object, window.callboard, and nothing else', () => {
    expect([...electron.exposed.keys()]).toEqual(['callboard'])
  })

  it('has exactly one fixed method per channel and event, and no generic pass-through', () => {
    const methods = Object.entries(api).flatMap(([domain, members]) =>
      Object.keys(members).map((name) => `${domain}.${name}`),
    )
    const expected = [
      ...invokeChannels.map((c) => c.replace(':', '.')),
      ...eventChannels.map((c) => {
        const [d, v] = c.split(':') as [string, string]
        return `${d}.on${v[0]!.toUpperCase()}${v.slice(1)}`
      }),
    ]
    expect(methods.sort()).toEqual(expected.sort())
    for (const banned of ['invoke', 'send', 'on', 'ipcRenderer']) expect(api).not.toHaveProperty(banned)
  })

  it('each method invokes its own channel only', async () => {
    await api['settings']!['update']!({ theme: 'dark' })
    expect(electron.ipcRenderer.invoke).toHaveBeenLastCalledWith('settings:update', { theme: 'dark' })
    await api['app']!['info']!()
    expect(electron.ipcRenderer.invoke).toHaveBeenLastCalledWith('app:info', undefined)
    expect(electron.ipcRenderer.send).not.toHaveBeenCalled()
  })

  it('listeners get the payload without the IPC event, and unsubscribe really removes them', () => {
    const seen: unknown[] = []
    const unsubscribe = api['settings']!['onChanged']!((payload: unknown) => seen.push(payload)) as () => void
    const [forward] = [...electron.listeners.get('settings:changed')!]
    forward!({ sender: 'ipc-event-internals' }, { settings: 1 })
    expect(seen).toEqual([{ settings: 1 }])
    unsubscribe()
    expect(electron.listeners.get('settings:changed')!.size).toBe(0)
    expect(() => api['settings']!['onChanged']!('not a function')).toThrow(TypeError)
  })
})
