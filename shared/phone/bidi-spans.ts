// Direction overrides, embeddings and isolates change the order in which the agent SEES the
// characters, never the order in which they are stored, and libphonenumber reads the stored order.
// `<RLO>8590 6497 02 44+<PDF>` shows as "+44 20 7946 0958" and would be read as 8590 6497 02 44;
// an isolate or embedding shows the digit groups of `020 7946 0958` as "0958 7946 020". No
// reading of such a span is safe (reordering it ourselves would need the whole bidi algorithm and
// the agent's display), so the numbers in it are refused. The single marks (LRM, RLM, ALM) start
// no span: they are folded like any invisible character.

const OPENERS = new Set([
  0x202a, // LRE
  0x202b, // RLE
  0x202d, // LRO
  0x202e, // RLO
  0x2066, // LRI
  0x2067, // RLI
  0x2068, // FSI
])
const CLOSERS = new Set([0x202c /* PDF */, 0x2069 /* PDI */])
// UAX #9: every embedding, override and isolate ends with its paragraph.
const PARAGRAPH_ENDS = new Set([0x0a, 0x0d, 0x1c, 0x1d, 0x1e, 0x85, 0x2029])

export interface Span {
  start: number
  /** Exclusive. */
  end: number
}

/**
 * The outermost spans of `text` under an override, embedding or isolate: from the opening control
 * to the one that closes it (nesting counted), or to the end of the paragraph when none does. A
 * closing control with nothing open changes nothing and starts no span.
 */
export function bidiControlSpans(text: string): Span[] {
  const spans: Span[] = []
  let depth = 0
  let start = 0
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (OPENERS.has(code)) {
      if (depth === 0) start = i
      depth++
    } else if (depth > 0 && CLOSERS.has(code)) {
      depth--
      if (depth === 0) spans.push({ start, end: i + 1 })
    } else if (depth > 0 && PARAGRAPH_ENDS.has(code)) {
      depth = 0
      spans.push({ start, end: i })
    }
  }
  if (depth > 0) spans.push({ start, end: text.length })
  return spans
}
