/**
 * The number of UTF-8 bytes `JSON.stringify(value)` would produce, counted without producing it,
 * and given up as soon as it passes `cap` (then some count above `cap` is returned). Null when
 * JSON.stringify would throw (a cycle, a BigInt). Every IPC call is measured against its size cap
 * before its schema runs; serializing the input only to measure it was, for a queued task, a
 * whole extra copy of it, and for an oversized one (a pasted list of a million numbers) megabytes
 * written just to be refused. Hand-written because no maintained library measures JSON without
 * serializing it.
 */
export function jsonByteLength(value: unknown, cap = Number.POSITIVE_INFINITY): number | null {
  if (value === undefined || typeof value === 'function' || typeof value === 'symbol') return 0
  // One count at a time, so its state is the module's own (no closure and no stack made per call);
  // a count started while one runs (a toJSON that measures) gets a state of its own.
  const state = counting ? { total: 0, cap, ancestors: [] } : shared
  counting = true
  state.total = 0
  state.cap = cap
  try {
    return measure(state, value, false) ? state.total : null
  } finally {
    state.ancestors.length = 0
    if (state === shared) counting = false
  }
}

interface Count {
  total: number
  cap: number
  /**
   * The objects being measured, outermost first: a cycle is one met again among them. An array,
   * not a Set: nesting is shallow, and a Set's table was most of what measuring a task allocated.
   */
  ancestors: object[]
}

const shared: Count = { total: 0, cap: 0, ancestors: [] }
let counting = false

function measure(state: Count, node: unknown, inArray: boolean): boolean {
  if (state.total > state.cap) return true
  switch (typeof node) {
    case 'string':
      state.total += stringBytes(node)
      return true
    case 'number':
      state.total += Number.isFinite(node) ? String(node).length : 4 // null
      return true
    case 'boolean':
      state.total += node ? 4 : 5
      return true
    case 'bigint':
      return false
    case 'undefined':
    case 'function':
    case 'symbol':
      // Left out of an object (the caller skips the key); null in an array.
      if (inArray) state.total += 4
      return true
  }
  if (node === null) {
    state.total += 4
    return true
  }
  const object = node as Record<string, unknown> & { toJSON?: unknown }
  if (typeof object.toJSON === 'function') {
    // A Date and the like: rare on the contract, measured the plain way.
    try {
      const json = JSON.stringify(object)
      state.total += json === undefined ? (inArray ? 4 : 0) : Buffer.byteLength(json)
      return true
    } catch {
      return false
    }
  }
  const ancestors = state.ancestors
  if (ancestors.includes(object)) return false
  ancestors.push(object)
  try {
    if (Array.isArray(object)) {
      state.total += 2
      for (let i = 0; i < object.length; i++) {
        if (state.total > state.cap) return true
        if (i > 0) state.total++
        if (!measure(state, object[i], true)) return false
      }
      return true
    }
    state.total += 2
    let members = 0
    for (const key in object) {
      if (state.total > state.cap) return true
      if (!Object.hasOwn(object, key)) continue
      const inner = object[key]
      const kind = typeof inner
      if (kind === 'undefined' || kind === 'function' || kind === 'symbol') continue
      state.total += (members++ > 0 ? 1 : 0) + stringBytes(key) + 1
      if (!measure(state, inner, false)) return false
    }
    return true
  } finally {
    ancestors.pop()
  }
}

/** The UTF-8 bytes of `text` as a JSON string literal, quotes included. */
function stringBytes(text: string): number {
  let bytes = 2
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (code === 0x22 || code === 0x5c) bytes += 2
    else if (code < 0x20)
      bytes += code === 0x08 || code === 0x09 || code === 0x0a || code === 0x0c || code === 0x0d ? 2 : 6
    else if (code < 0x80) bytes += 1
    else if (code < 0x800) bytes += 2
    else if (code >= 0xd800 && code <= 0xdbff) {
      const next = text.charCodeAt(i + 1)
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4
        i++
      } else bytes += 6 // a lone surrogate is escaped as \\udxxx
    } else if (code >= 0xdc00 && code <= 0xdfff) bytes += 6
    else bytes += 3
  }
  return bytes
}
