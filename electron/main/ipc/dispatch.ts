import type { z } from 'zod'
import { isInvokeChannel } from '@shared/ipc/channels'
import type { InvokeHandlers, InvokeSpec } from '@shared/ipc/contract'
import { DEFAULT_MAX_INPUT_BYTES, invokes } from '@shared/ipc/contract'
import type { IssueDetail, Result } from '@shared/ipc/result'
import { fail, ok } from '@shared/ipc/result'
import { AppError } from '../core/app-error'
import type { Logger } from '../core/logger'
import { jsonByteLength } from './json-size'
import { parseAsIs } from '@shared/schemas/parse-as-is'

/** The service call behind every channel (the composition root merges each domain's handlers). */
export type Handlers = InvokeHandlers

export type Dispatch = (channel: string, input: unknown) => Promise<Result<unknown>>

export interface DispatchOptions {
  handlers: Handlers
  logger: Logger
  /** Parse every output against the contract (development and tests), so drift fails loudly. */
  checkOutputs: boolean
}

function toIssues(error: z.ZodError): IssueDetail[] {
  return error.issues.slice(0, 50).map((issue) => ({
    path: issue.path.map((p) => (typeof p === 'number' ? p : String(p))),
    message: issue.message,
  }))
}

/**
 * Everything a call goes through after the transport (Electron IPC or the harness's HTTP) has
 * vouched for the caller: channel lookup, size cap, schema, the service, the envelope. Never
 * throws; every outcome is a `Result`.
 */
export function createDispatch({ handlers, logger, checkOutputs }: DispatchOptions): Dispatch {
  return async (channel, input) => {
    if (!isInvokeChannel(channel)) {
      logger.warn('call to unknown channel refused', { channel: String(channel).slice(0, 100) })
      return fail('unknown_channel', `There is no channel named "${String(channel).slice(0, 100)}".`)
    }
    const spec: InvokeSpec = invokes[channel]
    const cap = spec.maxInputBytes ?? DEFAULT_MAX_INPUT_BYTES
    const size = jsonByteLength(input, cap)
    if (size === null || size > cap) {
      logger.warn('oversized or unserializable input refused', { channel, size })
      return fail(
        'invalid_input',
        size === null ? 'The input could not be read.' : `The input is too large (more than ${cap} bytes).`,
        [{ path: [], message: size === null ? 'unserializable' : 'too large' }],
      )
    }
    // The input is a fresh copy (structured clone, or JSON over the harness): nothing else holds it,
    // so what zod would copy unchanged is passed on as it came (parse-as-is.ts).
    const parsed = parseAsIs(spec.input, input)
    if (!parsed.success) {
      const issues = toIssues(parsed.error)
      logger.warn('invalid input refused', { channel, issues })
      const first = issues[0]
      const where = first && first.path.length ? `${first.path.join('.')}: ` : ''
      return fail('invalid_input', `Invalid input for ${channel}: ${where}${first?.message ?? 'invalid'}`, issues)
    }
    let output: unknown
    try {
      const handler = handlers[channel] as (value: unknown) => unknown
      output = await handler(parsed.data)
    } catch (error) {
      if (error instanceof AppError) {
        logger.warn('call failed', { channel, code: error.code, message: error.message })
        return fail(error.code, error.message, error.issues)
      }
      logger.error('handler crashed', { channel, error: error instanceof Error ? error.stack : String(error) })
      return fail('internal', `Callboard hit an unexpected error in ${channel}. Details are in the log.`)
    }
    if (checkOutputs) {
      const checked = spec.output.safeParse(output)
      if (!checked.success) {
        logger.error('output does not match the contract', { channel, issues: toIssues(checked.error) })
        return fail('internal', `The answer to ${channel} did not match the contract. Details are in the log.`)
      }
    }
    return ok(output)
  }
}
