import { msg } from '@shared/i18n/message'
import { issueMessage } from '@shared/i18n/issue-message'
import type { z } from 'zod'
import { isInvokeChannel } from '@shared/ipc/channels'
import type { InvokeHandlers, InvokeSpec } from '@shared/ipc/contract'
import { DEFAULT_MAX_INPUT_BYTES, invokes } from '@shared/ipc/contract'
import type { IssueDetail, Result } from '@shared/ipc/result'
import { fail, ok } from '@shared/ipc/result'
import { issueInEnglish } from '@shared/i18n/render-message'
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
      return fail('unknown_channel', msg('failure.unknownChannel', { channel: String(channel).slice(0, 100) }))
    }
    const spec: InvokeSpec = invokes[channel]
    const cap = spec.maxInputBytes ?? DEFAULT_MAX_INPUT_BYTES
    const size = jsonByteLength(input, cap)
    if (size === null || size > cap) {
      logger.warn('oversized or unserializable input refused', { channel, size })
      return fail(
        'invalid_input',
        size === null ? msg('failure.unreadableInput') : msg('failure.inputTooLarge', { bytes: cap }),
        [{ path: [], message: size === null ? 'unserializable' : 'too large' }],
      )
    }
    // The input is a fresh copy (structured clone, or JSON over the harness): nothing else holds it,
    // so what zod would copy unchanged is passed on as it came (parse-as-is.ts).
    const parsed = parseAsIs(spec.input, input)
    if (!parsed.success) {
      const issues = toIssues(parsed.error)
      // The issues keep their keys for the window; the log reads them in English.
      logger.warn('invalid input refused', {
        channel,
        issues: issues.map((issue) => ({ ...issue, message: issueInEnglish(issue.message) })),
      })
      const first = issues[0]
      const problem = first ? issueMessage(first.message) : msg('detail.invalid')
      return fail(
        'invalid_input',
        first && first.path.length
          ? msg('failure.invalidInputAt', { channel, where: first.path.join('.'), problem })
          : msg('failure.invalidInput', { channel, problem }),
        issues,
      )
    }
    let output: unknown
    try {
      const handler = handlers[channel] as (value: unknown) => unknown
      output = await handler(parsed.data)
    } catch (error) {
      if (error instanceof AppError) {
        logger.warn('call failed', { channel, code: error.code, message: error.message })
        return fail(error.code, error.said, error.issues)
      }
      logger.error('handler crashed', { channel, error: error instanceof Error ? error.stack : String(error) })
      return fail('internal', msg('failure.unexpected', { channel }))
    }
    if (checkOutputs) {
      const checked = spec.output.safeParse(output)
      if (!checked.success) {
        logger.error('output does not match the contract', { channel, issues: toIssues(checked.error) })
        return fail('internal', msg('failure.outputMismatch', { channel }))
      }
    }
    return ok(output)
  }
}
