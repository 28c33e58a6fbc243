import type { NumberListSummary, ParseReply, ParseRequest } from './number-list-protocol'
import { unpack } from './number-list-protocol'

export type { NumberListSource, NumberListSummary } from './number-list-protocol'

export interface ParsedList {
  summary: NumberListSummary
  /** Unpacked on first use (a check or the submit), not when the list arrives. */
  numbers: () => string[]
}

function lazyNumbers(packed: ArrayBuffer, count: number): () => string[] {
  let numbers: string[] | null = count === 0 ? [] : null
  return () => (numbers ??= unpack(packed))
}

export interface NumberListParser {
  /** Parses in the worker; a newer call supersedes an older one, whose promise then resolves to null. */
  parse(
    request: Omit<ParseRequest, 'id'>,
    onProgress: (done: number, total: number) => void,
  ): Promise<ParsedList | null>
  dispose(): void
}

/** One worker per form, started on first use; the page's thread only unpacks the result. */
export function createNumberListParser(): NumberListParser {
  let worker: Worker | null = null
  let latest = 0
  const pending = new Map<
    number,
    { resolve: (r: ParsedList | null) => void; reject: (e: Error) => void; onProgress: (d: number, t: number) => void }
  >()

  const start = () => {
    const w = new Worker(new URL('./number-list.worker.ts', import.meta.url), { type: 'module', name: 'number-list' })
    w.addEventListener('message', (event: MessageEvent<ParseReply>) => {
      const reply = event.data
      const entry = pending.get(reply.id)
      if (!entry) return
      if (reply.type === 'progress') {
        if (reply.id === latest) entry.onProgress(reply.done, reply.total)
        return
      }
      pending.delete(reply.id)
      if (reply.id !== latest) return entry.resolve(null)
      if (reply.type === 'error') return entry.reject(new Error(reply.message))
      entry.resolve({ summary: reply.summary, numbers: lazyNumbers(reply.packed, reply.summary.count) })
    })
    w.addEventListener('error', (event) => {
      for (const entry of pending.values()) entry.reject(new Error(event.message || 'the worker stopped'))
      pending.clear()
      worker = null
    })
    return w
  }

  return {
    parse(request, onProgress) {
      worker ??= start()
      const id = ++latest
      for (const entry of pending.values()) entry.resolve(null)
      pending.clear()
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject, onProgress })
        worker!.postMessage({ ...request, id } satisfies ParseRequest)
      })
    },
    dispose() {
      worker?.terminate()
      worker = null
      for (const entry of pending.values()) entry.resolve(null)
      pending.clear()
    },
  }
}
