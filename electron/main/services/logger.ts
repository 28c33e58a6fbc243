import { appendFileSync, mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import type { Clock } from './clock'

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

export function createLogger(sink: LogSink, clock: Clock, scope = 'main'): Logger {
  const write = (level: LogLevel, msg: string, fields?: LogFields) => {
    let line: string
    try {
      line = JSON.stringify({ t: clock.now().toISOString(), level, scope, msg, ...fields })
    } catch {
      // A field that cannot be serialized (cycle, BigInt) must not take the logger down.
      line = JSON.stringify({ t: clock.now().toISOString(), level, scope, msg, fields: '[unserializable]' })
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

/**
 * Appends synchronously: log lines are few, and a line written just before a crash is the one
 * worth having.
 */
export function fileLogSink(file: string): LogSink {
  mkdirSync(dirname(file), { recursive: true })
  return (line) => {
    try {
      appendFileSync(file, `${line}\n`)
    } catch {
      // Logging must never break the app; the console copy below still has it.
    }
  }
}

export function teeSink(...sinks: LogSink[]): LogSink {
  return (line) => sinks.forEach((sink) => sink(line))
}
