import type { EventChannel, InvokeChannel } from './channels'
import { eventChannels, invokeChannels } from './channels'
import type { EventPayload, InvokeInput, InvokeOutput } from './contract'
import type { Result } from './result'

/**
 * How a bridge reaches main. The Electron preload implements it with ipcRenderer; the browser
 * harness with fetch and server-sent events. Neither is ever handed to page code: the page only
 * gets the fixed-method object `createBridge` builds.
 */
export interface BridgeTransport {
  invoke(channel: InvokeChannel, input: unknown): Promise<Result<unknown>>
  subscribe(channel: EventChannel, listener: (payload: unknown) => void): () => void
}

export type Unsubscribe = () => void

type DomainOf<C extends string> = C extends `${infer D}:${string}` ? D : never
type Domain = DomainOf<InvokeChannel | EventChannel>

type InvokeMethod<C extends InvokeChannel> = [InvokeInput<C>] extends [undefined]
  ? () => Promise<Result<InvokeOutput<C>>>
  : (input: InvokeInput<C>) => Promise<Result<InvokeOutput<C>>>

type DomainApi<D extends Domain> = {
  [C in InvokeChannel as C extends `${D}:${infer V}` ? V : never]: InvokeMethod<C>
} & {
  [E in EventChannel as E extends `${D}:${infer V}` ? `on${Capitalize<V>}` : never]: (
    listener: (payload: EventPayload<E>) => void,
  ) => Unsubscribe
}

/** `window.callboard`: `app.info()`, `settings.update(patch)`, `settings.onChanged(fn)`, … */
export type CallboardApi = { [D in Domain]: DomainApi<D> }

function split(channel: string): [string, string] {
  const [domain = '', verb = ''] = channel.split(':')
  return [domain, verb]
}

export function createBridge(transport: BridgeTransport): CallboardApi {
  const api: Record<string, Record<string, unknown>> = {}
  const domain = (name: string) => (api[name] ??= {})
  for (const channel of invokeChannels) {
    const [d, verb] = split(channel)
    domain(d)[verb] = (input?: unknown) => transport.invoke(channel, input)
  }
  for (const channel of eventChannels) {
    const [d, verb] = split(channel)
    domain(d)[`on${verb.charAt(0).toUpperCase()}${verb.slice(1)}`] = (listener: (payload: unknown) => void) => {
      if (typeof listener !== 'function') throw new TypeError(`${channel}: listener must be a function`)
      return transport.subscribe(channel, (payload) => listener(payload))
    }
  }
  // The one assertion of the bridge, and no `unknown` hop: the object is built from the channel
  // lists at run time, and TypeScript cannot follow a loop over them into the mapped type (that
  // needs a type per key computed from the key, which no loop or Object.fromEntries is typed as).
  // Without it every method would have to be written out, a second list of the channels. The
  // object's own type overlaps CallboardApi (domains of methods by name), so the assertion says
  // only what the loop makes: each method is the transport call for its channel.
  return api as CallboardApi
}
