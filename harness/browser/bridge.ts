import { createBridge } from '@shared/ipc/bridge'
import type { EventChannel } from '@shared/ipc/channels'
import type { Result } from '@shared/ipc/result'

// Loaded by the harness before the app's own module script: gives the page the same
// `window.callboard` the Electron preload gives it, carried over HTTP instead of IPC.
const TOKEN_KEY = 'callboard-harness-token'
const fromUrl = new URLSearchParams(location.search).get('token')
if (fromUrl) sessionStorage.setItem(TOKEN_KEY, fromUrl)
const token = fromUrl ?? sessionStorage.getItem(TOKEN_KEY) ?? ''

async function invoke(channel: string, input: unknown): Promise<Result<unknown>> {
  try {
    const response = await fetch(`/ipc/${channel}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: input === undefined ? '' : JSON.stringify(input),
    })
    return (await response.json()) as Result<unknown>
  } catch (error) {
    return {
      ok: false,
      error: {
        code: 'internal',
        message: { key: 'asIs', params: { text: `The harness server did not answer (${String(error)}).` } },
      },
    }
  }
}

const listeners = new Map<EventChannel, Set<(payload: unknown) => void>>()
let source: EventSource | null = null

function ensureSource(channel: EventChannel): EventSource {
  source ??= new EventSource(`/events?token=${encodeURIComponent(token)}`)
  if (!listeners.has(channel)) {
    listeners.set(channel, new Set())
    source.addEventListener(channel, (event) => {
      const payload: unknown = JSON.parse((event as MessageEvent<string>).data)
      listeners.get(channel)?.forEach((listener) => listener(payload))
    })
  }
  return source
}

Object.defineProperty(window, 'callboard', {
  value: Object.freeze(
    createBridge({
      invoke,
      subscribe(channel, listener) {
        ensureSource(channel)
        listeners.get(channel)?.add(listener)
        return () => {
          listeners.get(channel)?.delete(listener)
        }
      },
    }),
  ),
  writable: false,
  configurable: false,
})
