import { z } from 'zod'
import type { SendOutcome } from '@shared/schemas/send-outcome'
import type { WebexCreateTaskRequest, WebexScheduleCallbackRequest } from '@shared/providers/webex/wire'
import type { SendContext } from '../provider-module'
import type { HttpTransport, TransportAnswer } from '../http/http-transport'
import { nodeHttpTransport, sendCapturing } from '../http/http-transport'
import { classifyTokenFailureWith } from '../http/oauth'
import { withDeadline } from '../http/attempt-deadline'
import { withOneRefresh } from '../http/one-refresh'
import { answerRetryAfterMs } from '../http/retry-after'
import { unansweredOutcome } from '../http/unanswered'
import { msg, type Message } from '@shared/i18n/message'
import { webexAccessToken } from './connection-probe'
import { webexHosts } from './webex-endpoints'

// ——— Classification (pure) ———

/** What one attempt came to, before classification. */
export type WebexAnswer = TransportAnswer

export interface ClassifyOptions {
  /** For an HTTP-date Retry-After. */
  now: Date
  /** How the profile signs in: decides what a 401 asks the agent to do. */
  auth: 'oauth' | 'access_token'
  /** Words for the thing being created. */
  what: 'task' | 'scheduled callback'
}

/** Webex's error body `{trackingId, error:{key, message:[…]}}` → its messages; else the raw text. */
export function webexErrorText(body: string): string | null {
  const text = body.trim()
  if (!text) return null
  try {
    const parsed = JSON.parse(text) as { error?: { message?: unknown }; message?: unknown; trackingId?: unknown }
    const messages = parsed.error?.message ?? parsed.message
    const list = (Array.isArray(messages) ? messages : [messages]).filter((m): m is string => typeof m === 'string')
    if (list.length) {
      const tracking = typeof parsed.trackingId === 'string' ? ` (trackingId ${parsed.trackingId})` : ''
      return `${list.join('; ')}${tracking}`
    }
  } catch {
    // not JSON: shown as it came
  }
  return text
}

/** A 2xx body: the task `{meta:{orgId}, data:{id}}`, or the scheduled callback `{id, …}`. */
const CreatedTask = z.object({
  meta: z.object({ orgId: z.string() }).optional(),
  data: z.object({ id: z.string().min(1) }),
})
const CreatedCallback = z.object({ id: z.string().min(1) })

/**
 * Which 5xx answers are retried. Webex has no idempotency key, so a status is retried only when it
 * says the request was not acted on:
 * - 503 Service Unavailable: the service refused to take the request (overload, maintenance);
 *   RFC 9110 defines it as "currently unable to handle the request". Retried (Retry-After honoured).
 * - 500 Internal Server Error: Webex took the request and failed somewhere while handling it; the
 *   task may already be requested (creation is asynchronous). A duplicate here is a customer
 *   called twice, far worse than one question to the agent: needs_review.
 * - 502 Bad Gateway and 504 Gateway Timeout: an edge proxy passed the request on and got a broken
 *   answer or none; the service behind it may have acted. This is our own "timeout after the body
 *   was sent", one hop further in, so it is classified the same way: needs_review.
 * - Any other 5xx: unknown, so the safe side: needs_review.
 */
export const WEBEX_RETRIED_5XX: ReadonlySet<number> = new Set([503])

/**
 * One Webex answer (or network failure) → exactly one outcome. Pure; the 401 refresh-and-resend
 * happens in the client before an answer reaches this (a 401 here is the final one).
 */
export function classifyWebexResponse(answer: WebexAnswer, options: ClassifyOptions): SendOutcome {
  const what = msg(options.what === 'task' ? 'thing.task' : 'thing.scheduledCallback')
  const provider = 'Webex'
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
  const providerMessage = webexErrorText(body)
  if (status >= 200 && status < 300) {
    let json: unknown = null
    try {
      json = JSON.parse(body)
    } catch {
      // handled below: no usable id
    }
    const task = CreatedTask.safeParse(json)
    const callback = CreatedCallback.safeParse(json)
    const id = task.success ? task.data.data.id : callback.success ? callback.data.id : null
    if (id !== null) return { kind: 'sent', providerId: id, httpStatus: status }
    return review(msg('sendOutcome.acceptedNoId', { provider, what, status }), providerMessage)
  }
  if (status === 401) {
    return {
      kind: 'needs_auth',
      message: msg(
        options.auth === 'oauth' ? 'sendOutcome.webex.tokenRefusedOauth' : 'sendOutcome.webex.tokenRefusedPasted',
      ),
      providerMessage,
    }
  }
  if (status === 403) {
    return {
      kind: 'rejected',
      message: msg('sendOutcome.webex.forbidden', { what }),
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
    if (WEBEX_RETRIED_5XX.has(status)) {
      return {
        kind: 'retry',
        delayMs: answerRetryAfterMs(headers, options.now),
        reason: msg('sendOutcome.unavailable', { provider, status }),
        httpStatus: status,
      }
    }
    return review(msg('sendOutcome.failedWhileHandling', { provider, what, status }), providerMessage)
  }
  // 400, 404, 409, 422 and every other 3xx/4xx: Webex did not take it; sending again will not help.
  const because: Record<number, Message> = {
    400: msg('sendOutcome.refusedInvalid', { provider, what }),
    404: msg('sendOutcome.webex.notFound'),
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

/** What to do when Webex refuses the renewal: a pasted integration's keys, or a browser sign-in's. */
const REFUSED = {
  pasted: msg('sendOutcome.webex.clientRefused'),
  sign_in: msg('sendOutcome.webex.signInRefused'),
} as const

/** A failure to obtain a token (nothing of the task was sent) → an outcome. Pure. */
export function classifyTokenFailure(error: unknown, signIn: 'pasted' | 'sign_in' = 'pasted'): SendOutcome {
  return classifyTokenFailureWith(error, {
    provider: 'Webex',
    refused: REFUSED[signIn],
  })
}

// ——— Client ———

/** The task's idempotency key: Webex has no such field, so it goes in the TrackingId header for tracing. */
export type WebexSendContext = SendContext<'webex'>

export interface WebexClientOptions {
  transport?: HttpTransport
  /** Per HTTP request (the token refresh included); the context's signal still applies. */
  timeoutMs?: number
}

/**
 * The Webex calls, for requests the shared registry's `toWireRequest` built and checked (the one
 * check of the wire: they are sent as they are).
 */
export interface WebexClient {
  /** `POST {api}/v1/tasks`. */
  send(context: WebexSendContext, request: WebexCreateTaskRequest): Promise<SendOutcome>
  /** `POST {api}/v1/callbacks/organization/{orgId}/scheduled-callback`, the profile's organization by default. */
  scheduleCallback(
    context: WebexSendContext,
    request: WebexScheduleCallbackRequest,
    orgId?: string,
  ): Promise<SendOutcome>
}

/** `callboard_<key>`, limited to characters that are safe in a header value. */
export function webexTrackingId(idempotencyKey: string): string {
  return `callboard_${idempotencyKey.replace(/[^A-Za-z0-9._:-]/g, '_').slice(0, 100)}`
}

export function createWebexClient(options: WebexClientOptions = {}): WebexClient {
  const transport = options.transport ?? nodeHttpTransport
  const timeoutMs = options.timeoutMs ?? 30_000

  async function post(context: WebexSendContext, path: string, body: unknown, what: ClassifyOptions['what']) {
    const { api } = webexHosts(context.profile)
    // A sign-in renews its token as an OAuth client does.
    const auth = context.secret.kind === 'access_token' ? 'access_token' : 'oauth'
    const classify = { now: context.clock.now(), auth, what } as const
    const attempt = async () => {
      let token: string
      try {
        // The token refresh has its own hard limit, the same as the send's.
        token = await withDeadline(context.signal, timeoutMs, (signal) => webexAccessToken({ ...context, signal }))
      } catch (error) {
        const signIn = context.secret.kind === 'sign_in' ? 'sign_in' : 'pasted'
        return { outcome: classifyTokenFailure(error, signIn), unauthorized: false }
      }
      const answer = await sendCapturing(transport, {
        method: 'POST',
        url: `${api}${path}`,
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': 'application/json',
          accept: 'application/json',
          trackingid: webexTrackingId(context.idempotencyKey),
        },
        body: JSON.stringify(body),
        signal: context.signal,
        timeoutMs,
      })
      // What Webex answered is redacted by the seam (the task sender), the token included.
      const outcome = classifyWebexResponse(answer, classify)
      return { outcome, unauthorized: answer.kind === 'http' && answer.status === 401 }
    }
    // A pasted token cannot be refreshed: its 401 is final.
    return withOneRefresh(attempt, () => context.tokens.invalidate(context.profile.id), auth === 'oauth')
  }

  return {
    send: (context, request) => post(context, '/v1/tasks', request, 'task'),
    scheduleCallback: (context, request, orgId = context.profile.orgId) =>
      post(
        context,
        `/v1/callbacks/organization/${encodeURIComponent(orgId)}/scheduled-callback`,
        request,
        'scheduled callback',
      ),
  }
}
