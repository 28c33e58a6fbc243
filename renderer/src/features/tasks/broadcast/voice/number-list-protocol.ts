import type { CountryCode } from '@shared/phone/dialable'
import type { NumberListResult } from '@shared/phone/number-list'

// The messages between the form and the number-list worker. Kept free of zod and Vue so the worker's
// bundle holds only the parser.

export type NumberListSource = { kind: 'file'; file: File } | { kind: 'text'; text: string }

export interface ParseRequest {
  id: number
  source: NumberListSource
  defaultRegion: CountryCode
  maxNumbers: number
}

/** The parse result without its big array: the numbers travel separately, as transferred bytes. */
export type NumberListSummary = Omit<NumberListResult, 'numbers'> & { count: number }

export type ParseReply =
  | { id: number; type: 'progress'; done: number; total: number }
  /** `packed`: the numbers joined by `\n`, UTF-8 (ASCII digits), transferred rather than copied. */
  | { id: number; type: 'done'; summary: NumberListSummary; packed: ArrayBuffer }
  | { id: number; type: 'error'; message: string }

export function formatOf(source: NumberListSource): 'csv' | 'txt' | undefined {
  if (source.kind !== 'file') return undefined
  const name = source.file.name.toLowerCase()
  return name.endsWith('.csv') ? 'csv' : name.endsWith('.txt') ? 'txt' : undefined
}

export function pack(numbers: readonly string[]): ArrayBuffer {
  const bytes = new TextEncoder().encode(numbers.join('\n'))
  return bytes.buffer as ArrayBuffer
}

export function unpack(packed: ArrayBuffer): string[] {
  if (packed.byteLength === 0) return []
  return new TextDecoder().decode(packed).split('\n')
}
