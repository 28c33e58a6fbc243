import type { Ref } from 'vue'
import { ref, shallowRef } from 'vue'
import type { IpcError, Result } from '@shared/ipc/result'

export interface Page<T> {
  items: T[]
  offset: number
  total: number
}

/**
 * A long list read from main a page at a time, for a virtualized view: the total (so the view
 * knows its height from the first answer), the rows of the pages read so far, and `ensure` for the
 * rows coming into view. `reload` starts over (the query changed); `refresh` reads the pages on
 * screen again (the list changed under them) and keeps showing the old rows until they come.
 * Only the answers to the latest generation of requests count.
 */
export function usePagedList<T>(
  fetchPage: (offset: number, limit: number) => Promise<Result<Page<T>>>,
  pageSize = 100,
) {
  const total = ref<number | null>(null)
  const pages = shallowRef(new Map<number, T[]>())
  const error = ref<IpcError | null>(null) as Ref<IpcError | null>
  /** Set once the first page of the current query is in. */
  const ready = ref(false)
  let generation = 0
  const inFlight = new Set<number>()

  function rowAt(index: number): T | undefined {
    return pages.value.get(Math.floor(index / pageSize))?.[index % pageSize]
  }

  async function read(pageIndex: number, mine: number): Promise<void> {
    inFlight.add(pageIndex)
    try {
      const result = await fetchPage(pageIndex * pageSize, pageSize)
      if (mine !== generation) return
      if (!result.ok) {
        error.value = result.error
        return
      }
      error.value = null
      total.value = result.value.total
      const next = new Map(pages.value)
      next.set(pageIndex, result.value.items)
      pages.value = next
      ready.value = true
    } finally {
      if (mine === generation) inFlight.delete(pageIndex)
    }
  }

  /** Read the pages holding rows `from`…`to` that are not in yet. */
  function ensure(from: number, to: number): Promise<void> {
    const mine = generation
    const first = Math.max(0, Math.floor(from / pageSize))
    const last = Math.max(first, Math.floor(Math.max(to, from) / pageSize))
    const reads: Promise<void>[] = []
    for (let p = first; p <= last; p++) {
      if (total.value !== null && p * pageSize >= total.value && p > 0) break
      if (!pages.value.has(p) && !inFlight.has(p)) reads.push(read(p, mine))
    }
    return Promise.all(reads).then(() => undefined)
  }

  /** A new query: forget every row and read the first page. */
  function reload(): Promise<void> {
    generation++
    inFlight.clear()
    pages.value = new Map()
    total.value = null
    ready.value = false
    return ensure(0, pageSize - 1)
  }

  /** The same query, a changed list: read again the pages held (the rows on screen), replacing them. */
  function refresh(): Promise<void> {
    const mine = ++generation
    inFlight.clear()
    const held = [...pages.value.keys()]
    if (held.length === 0) held.push(0)
    return Promise.all(held.map((p) => read(p, mine))).then(() => {
      if (mine !== generation || total.value === null) return
      // Pages now past the end (the list got shorter) go.
      const last = Math.max(0, Math.ceil(total.value / pageSize) - 1)
      if ([...pages.value.keys()].some((p) => p > last)) {
        pages.value = new Map([...pages.value].filter(([p]) => p <= last))
      }
    })
  }

  /** Forget every page but the first (a view that is left keeps only what it shows first). */
  function keepFirst(): void {
    if (pages.value.size <= 1) return
    const first = pages.value.get(0)
    pages.value = new Map(first ? [[0, first]] : [])
  }

  /** Where a row is, reading on until it is found (for links to a task further down). */
  async function indexOf(match: (row: T) => boolean): Promise<number> {
    for (let p = 0; total.value === null || p * pageSize < total.value; p++) {
      if (!pages.value.has(p)) await read(p, generation)
      const rows = pages.value.get(p)
      if (!rows) return -1
      const at = rows.findIndex(match)
      if (at >= 0) return p * pageSize + at
      if (rows.length < pageSize) return -1
    }
    return -1
  }

  return { total, pages, error, ready, rowAt, ensure, reload, refresh, keepFirst, indexOf }
}
