import { z } from 'zod'
import { msg, type Message } from '@shared/i18n/message'
import type { SendOutcome } from '@shared/schemas/send-outcome'
import type { EgainActor, EgainCreateTaskActivity } from '@shared/providers/egain/wire'
import type { SendContext } from '../provider-module'
import type { HttpTransport, TransportAnswer } from '../http/http-transport'
import { nodeHttpTransport, sendCapturing } from '../http/http-transport'
import { classifyTokenFailureWith } from '../http/oauth'
import { withDeadline } from '../http/attempt-deadline'
import { withOneRefresh } from '../http/one-refresh'
import { answerRetryAfterMs } from '../http/retry-after'
import { unansweredOutcome } from '../http/unanswered'
import { egainToken } from './connection-probe'

// eGain Core Case Manager v3, "Create task activity" (providers.md §2). eGain has no idempotency
// key, so (like Webex) any send whose answer was lost is `needs_review`, never retried blindly.

export const EGAIN_TASK_PATH = '/core/casemgr/v3/activity/task'

// ——— Classification (pure) ———

/** What one attempt came to, before classification. */
export type EgainAnswer = TransportAnswer

export interface EgainClassifyOptions {
  /** For an HTTP-date Retry-After. */
  now: Date
}

/** eGain's error body `{code, developerMessage}` → "developerMessage (code)"; else the raw text. */
export function egainErrorText(body: string): string | null {
  const text = body.trim()
  if (!text) return null
  try {
    const parsed = JSON.parse(text) as { code?: unknown; developerMessage?: unknown; userMessage?: unknown }
    const message =
      typeof parsed.developerMessage === 'string'
        ? parsed.developerMessage
        : typeof parsed.userMessage === 'string'
          ? parsed.userMessage
          : null
    if (message !== null) return typeof parsed.code === 'string' ? `${message} (${parsed.code})` : message
  } catch {
    // not JSON: shown as it came
  }
  return text
}

const CreatedBody = z.object({ id: z.union([z.string().min(1), z.number().int()]) })

/**
 * The new activity's id: the last path segment of `Location` (the v12 predecessor answers
 * `Location: …/activity/<id>` with no body), else a body `id` (providers.md [I]).
 */
export function egainCreatedId(headers: Record<string, string | undefined>, body: string): string | null {
  const location = headers['location']?.trim()
  if (location) {
    const path = location.replace(/[?#].*$/, '').replace(/\/+$/, '')
    const segment = decodeURIComponent(path.slice(path.lastIndexOf('/') + 1))
    if (segment) return segment
  }
  try {
    const parsed = CreatedBody.safeParse(JSON.parse(body))
    if (parsed.success) return String(parsed.data.id)
  } catch {
    // no JSON body: no id
  }
  return null
}

/**
 * Which 5xx answers are retried: only 503 (the service refused to take the request). A 500, 502,
 * 504 or any other 5xx may come after eGain acted on it, and eGain has no idempotency key, so a
 * resend could create a second activity (and case): needs_review. Same rule as Webex.
 */
export const EGAIN_RETRIED_5XX: ReadonlySet<number> = new Set([503])

/**
 * One eGain answer (or network failure) → exactly one outcome. Pure; the 401 refresh-and-resend
 * happens in the client before an answer reaches this (a 401 here is the final one).
 */
export function classifyEgainResponse(answer: EgainAnswer, options: EgainClassifyOptions): SendOutcome {
  const provider = 'eGain'
  const what = msg('thing.task')
  const review = (message: Message, providerMessage: string | null = null): SendOutcome => ({
    kind: 'needs_review',
    message,
    providerMessage,
  })
  if (answer.kind === 'network') {
    return unansweredOutcome(answer, {
      resendIsSafe: false,
      retry: (detail) => msg('sendOutcome.unreachable', { provider, detail }),
      review: (failure) =>
        failure.timedOut
          ? msg('sendOutcome.sentNoAnswerTimedOut', { provider, what })
          : msg('sendOutcome.sentNoAnswerBroken', { provider, what, code: failure.code }),
    })
  }

  const { status, headers, body } = answer
  const providerMessage = egainErrorText(body)
  if (status >= 200 && status < 300) {
    const id = egainCreatedId(headers, body)
    if (id !== null) return { kind: 'sent', providerId: id, httpStatus: status }
    return review(msg('sendOutcome.egain.acceptedNoId', { status }), providerMessage)
  }
  if (status === 401) {
    return {
      kind: 'needs_auth',
      message: msg('sendOutcome.egain.tokenRefused'),
      providerMessage,
    }
  }
  if (status === 403) {
    return {
      kind: 'rejected',
      message: msg('sendOutcome.egain.forbidden'),
      providerMessage,
      httpStatus: status,
    }
  }
  if (status === 429 || status === 408) {
    return {
      kind: 'retry',
      delayMs: answerRetryAfterMs(headers, options.now),
      reason: msg(status === 429 ? 'sendOutcome.rateLimited' : 'sendOutcome.gaveUp408', { provider }),
      httpStatus: status,
    }
  }
  if (status >= 500) {
    if (EGAIN_RETRIED_5XX.has(status)) {
      return {
        kind: 'retry',
        delayMs: answerRetryAfterMs(headers, options.now),
        reason: msg('sendOutcome.unavailable', { provider, status }),
        httpStatus: status,
      }
    }
    return review(msg('sendOutcome.failedWhileHandling', { provider, what, status }), providerMessage)
  }
  // 400, 404, 406, 409, 422 and every other 3xx/4xx: eGain did not take it; sending again will not help.
  const because: Record<number, Message> = {
    400: msg('sendOutcome.refusedInvalid', { provider, what }),
    404: msg('sendOutcome.egain.notFound'),
    406: msg('sendOutcome.egain.notAcceptable'),
    409: msg('sendOutcome.refusedConflict', { provider, what }),
    422: msg('sendOutcome.notProcessed', { provider, what }),
  }
  return {
    kind: 'rejected',
    message: because[status] ?? msg('sendOutcome.refusedStatus', { provider, what, status }),
    providerMessage,
    httpStatus: status,
  }
}

/** A failure to obtain a token (nothing of the task was sent) → an outcome. Pure. */
export function classifyEgainTokenFailure(error: unknown): SendOutcome {
  return classifyTokenFailureWith(error, {
    provider: 'eGain',
    refused: msg('sendOutcome.egain.clientRefused'),
  })
}

// ——— Client ———

/** The task's idempotency key: eGain has no such field, so it is used for logging and tracing only. */
export type EgainSendContext = SendContext<'egain'>

export interface EgainClientOptions {
  transport?: HttpTransport
  /** Per HTTP request (the token request included); the context's signal still applies. */
  timeoutMs?: number
}

/** What the caller hands in: the actor is decided by the profile's grant, so it may be left out. */
export type EgainSendRequest = Omit<EgainCreateTaskActivity, 'actor'> & { actor?: EgainActor }

export interface EgainClient {
  /** `POST {apiBaseUrl}/core/casemgr/v3/activity/task?<query>`. */
  send(context: EgainSendContext, request: EgainSendRequest): Promise<SendOutcome>
}

/** The query string, in a stable order, only the parameters given. */
export function egainTaskQueryString(query: EgainCreateTaskActivity['query']): string {
  const params = new URLSearchParams()
  params.set('searchContactOnAttribute', query.searchContactOnAttribute)
  if (query.createCustomer !== undefined) params.set('createCustomer', query.createCustomer)
  if (query.activityContact !== undefined) params.set('activityContact', query.activityContact)
  return params.toString()
}

export function createEgainClient(options: EgainClientOptions = {}): EgainClient {
  const transport = options.transport ?? nodeHttpTransport
  const timeoutMs = options.timeoutMs ?? 30_000

  return {
    async send(context, request) {
      const { profile, tokens, clock } = context
      // The request was checked once, by the shared registry's toWireRequest (for the caller the
      // profile's grant makes it: an application must name the assignee); it is sent as it is.
      const { query, body, acceptLanguage } = request
      const url = `${profile.apiBaseUrl.replace(/\/+$/, '')}${EGAIN_TASK_PATH}?${egainTaskQueryString(query)}`
      const payload = JSON.stringify(body)
      const attempt = async () => {
        let token: string
        try {
          // The token request has its own hard limit, the same as the send's.
          token = (
            await tokens.get(profile.id, (previous) =>
              withDeadline(context.signal, timeoutMs, (signal) => egainToken(context, previous, signal)),
            )
          ).accessToken
        } catch (error) {
          return { outcome: classifyEgainTokenFailure(error), unauthorized: false }
        }
        const answer = await sendCapturing(transport, {
          method: 'POST',
          url,
          headers: {
            authorization: `Bearer ${token}`,
            'accept-language': acceptLanguage,
            accept: 'application/json',
            'content-type': 'application/json',
          },
          body: payload,
          signal: context.signal,
          timeoutMs,
        })
        // What eGain answered is redacted by the seam (the task sender), the token included.
        const outcome = classifyEgainResponse(answer, { now: clock.now() })
        return { outcome, unauthorized: answer.kind === 'http' && answer.status === 401 }
      }

      return withOneRefresh(attempt, () => tokens.invalidate(profile.id))
    },
  }
}
