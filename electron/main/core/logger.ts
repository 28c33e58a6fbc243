import type { Clock } from './clock'
import { redactLogFields } from './log-redaction'

export type LogLevel = 'debug' | 'info' | 'warn' | 'error'
export type LogFields = Record<string, unknown>

export interface Logger {
  debug(msg: string, fields?: LogFields): void
  info(msg: string, fields?: LogFields): void
  warn(msg: string, fields?: LogFields): void
  error(msg: string, fields?: LogFields): void
  child(scope: string): Logger
}

/** One JSON line per entry; a sink decides where lines go (file, console, a test's array). */
export type LogSink = (line: string) => void

/** Longer lines keep their head only: one call (50 issues, a stack) must not fill the log. */
export const MAX_LOG_LINE_CHARS = 16_384

/**
 * Every line is redacted before any sink sees it (log-redaction.ts): the file, the console copy
 * and a test's array all get the same customer-free line.
 */
export function createLogger(sink: LogSink, clock: Clock, scope = 'main'): Logger {
  const write = (level: LogLevel, msg: string, fields?: LogFields) => {
    const t = clock.now().toISOString()
    let line: string
    try {
      // The fields are redacted into the line itself: a copy of the head plus a copy of the fields
      // were most of what a line allocated, and the queue writes one for every task.
      const entry: LogFields = { t, level, scope, msg }
      line = JSON.stringify(fields ? redactLogFields(fields, entry) : entry)
    } catch {
      // A field that cannot be serialized (cycle, BigInt) must not take the logger down.
      line = JSON.stringify({ t, level, scope, msg, fields: '[unserializable]' })
    }
    if (line.length > MAX_LOG_LINE_CHARS) {
      line = JSON.stringify({
        t,
        level,
        scope,
        msg,
        truncated: line.length,
        start: line.slice(0, MAX_LOG_LINE_CHARS / 2),
      })
    }
    sink(line)
  }
  return {
    debug: (m, f) => write('debug', m, f),
    info: (m, f) => write('info', m, f),
    warn: (m, f) => write('warn', m, f),
    error: (m, f) => write('error', m, f),
    child: (child) => createLogger(sink, clock, `${scope}.${child}`),
  }
}

export function teeSink(...sinks: LogSink[]): LogSink {
  return (line) => sinks.forEach((sink) => sink(line))
}
