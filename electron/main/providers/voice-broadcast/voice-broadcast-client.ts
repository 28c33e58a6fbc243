import { createHash } from 'node:crypto'
import { msg, type Message } from '@shared/i18n/message'
import type { SendOutcome } from '@shared/schemas/send-outcome'
import type { VoiceBroadcastSend as VoiceBroadcastSendRequest } from '@shared/providers/voice-broadcast/wire'
import type { SendContext } from '../provider-module'
import type { HttpTransport, TransportAnswer } from '../http/http-transport'
import { nodeHttpTransport, sendCapturing } from '../http/http-transport'
import { answerRetryAfterMs } from '../http/retry-after'
import { unansweredOutcome } from '../http/unanswered'
import { readEnvelope, voiceBroadcastHeaders } from './signing'

// Voice group call (broadcast) task creation on the ITNIO platform (providers.md §5):
//   POST {profile.baseUrl}/voice/group/call/send, headers Api-Key / Timestamp / Sign = md5(key + secret + ts).
//
// Idempotency (design.md §4): the platform has no idempotency key, but `taskName` must be unique per
// account. The client therefore sends the agent's name with a suffix made from the idempotency key
// (`voiceBroadcastTaskName`), so every attempt for one task carries the same name and the
// platform refuses a second one with -20 "data already exists". That is why every ambiguous failure
// here (reset or timeout after the body went out, 5xx, -18 system error) is `retry` and never
// `needs_review`: a resend either creates the task for the first time or meets -20.
//
// Decisions (each one a row of the classifier below):
// - '0' → sent, providerId = String(data) (the jobId). With no usable data the taskName is kept as
//   the id: it is unique on the account and names the task there.
// - '-20' data already exists → the task was created by an earlier attempt whose answer was lost.
//   With an id in `data` → sent with it. Without one → needs_review: the platform did not say *what*
//   exists (for source 2 it could also be the upload name), so the agent checks the platform's task
//   list for the task name shown in the message.
// - '-1' → needs_auth (key or secret). '-2' IP allow-list → needs_auth too, not rejected: it is a
//   fault of the profile's setup shared by every task, and once this computer's address is allowed
//   the very same task can be sent; `rejected` is terminal and would lose it.
// - '-16' timestamp expired → retry (the Timestamp and Sign are regenerated on every attempt), with
//   words about this computer's clock.
// - '-18' system error → retry. '-10' balance, '-23' data cap, '-21' / '-22' / '-54' validation,
//   '-24' data does not exist (e.g. a voiceFileId), '-26' tariff lookup, '-34' no callable numbers → rejected
//   with the provider's reason.
// - Any other non-zero code → rejected with the code and the provider's words: the platform answered
//   (it reports success only as '0'), so nothing was created, and sending the same request again
//   would only meet the same answer.
// - HTTP 429 → retry after Retry-After; 5xx and 408 → retry; a network failure, before or after the
//   body was sent → retry; 401/403 without an envelope → needs_auth; other 4xx → rejected; any other
//   answer (a 200 included) without a recognisable envelope → needs_review (it is not this API
//   answering as documented, so whether a task exists is unknown).

// ——— Task name ———

/** `taskName`: "2-64 in length, must be unique" (seed 004). */
const TASK_NAME_MAX = 64
/** The suffix that makes a name unique: ` #` and 10 hex digits of the key's SHA-256 (40 bits). */
const SUFFIX_HEX = 10

/**
 * The task's name on the platform: the name the agent typed (whitespace collapsed, cut to fit),
 * then ` #` and 10 hex digits of the SHA-256 of the task's idempotency key. Deterministic, so every
 * attempt for one task carries the same name and a resend meets -20 instead of a second broadcast;
 * the suffix keeps two tasks the agent named alike apart. Always 2–64 characters.
 */
export function voiceBroadcastTaskName(agentName: string, idempotencyKey: string): string {
  const suffix = ` #${createHash('sha256').update(idempotencyKey, 'utf8').digest('hex').slice(0, SUFFIX_HEX)}`
  const label = agentName.replace(/\s+/g, ' ').trim()
  const room = TASK_NAME_MAX - suffix.length
  return `${[...label].slice(0, room).join('').trimEnd() || 'Callboard'}${suffix}`
}

// ——— Classification (pure) ———

export type VoiceBroadcastAnswer = TransportAnswer

export interface VoiceBroadcastClassifyOptions {
  /** For an HTTP-date Retry-After. */
  now: Date
  /** The task name sent, for the messages. */
  taskName: string
}

/** The business codes that refuse this task for good (the agent must change something first). */
export const VOICE_BROADCAST_REJECTED_CODES: Readonly<Record<string, Message>> = {
  '-10': msg('sendOutcome.voice.balance'),
  '-21': msg('sendOutcome.voice.validation'),
  '-22': msg('sendOutcome.voice.parameter'),
  '-23': msg('sendOutcome.voice.dataCap'),
  '-24': msg('sendOutcome.voice.missingReference'),
  '-26': msg('sendOutcome.voice.tariff'),
  '-34': msg('sendOutcome.voice.noNumbers'),
  '-54': msg('sendOutcome.voice.wrong'),
}

/** `data` as a provider id: a number or a non-empty string. */
function idFrom(data: unknown): string | null {
  if (typeof data === 'number' && Number.isFinite(data)) return String(data)
  if (typeof data === 'string' && data.trim()) return data.trim()
  return null
}

function parseJson(raw: string): unknown {
  try {
    return JSON.parse(raw)
  } catch {
    return undefined
  }
}

/** Every answer (or its absence) → exactly one outcome. Pure. */
export function classifyVoiceBroadcastAnswer(
  answer: VoiceBroadcastAnswer,
  options: VoiceBroadcastClassifyOptions,
): SendOutcome {
  const { taskName } = options
  if (answer.kind === 'network') {
    return unansweredOutcome(answer, {
      resendIsSafe: true,
      retry: (detail, phase) =>
        msg(phase === 'before_send' ? 'sendOutcome.voice.unreachable' : 'sendOutcome.voice.noAnswer', {
          detail,
          taskName,
        }),
    })
  }
  const { status } = answer
  const raw = answer.body.slice(0, 2000)
  if (status === 429) {
    return {
      kind: 'retry',
      delayMs: answerRetryAfterMs(answer.headers, options.now),
      reason: msg('sendOutcome.voice.limiting'),
      httpStatus: status,
    }
  }
  if (status >= 500 || status === 408) {
    return {
      kind: 'retry',
      delayMs: answerRetryAfterMs(answer.headers, options.now),
      reason: msg('sendOutcome.voice.serverError', { status, taskName }),
      httpStatus: status,
    }
  }
  const envelope = readEnvelope(parseJson(answer.body))
  if (!envelope) {
    if (status === 401 || status === 403) {
      return {
        kind: 'needs_auth',
        message: msg('sendOutcome.voice.refusedRequest', { status }),
        providerMessage: raw || null,
      }
    }
    if (status === 404) {
      return {
        kind: 'rejected',
        message: msg('sendOutcome.voice.nothingAtBaseUrl'),
        providerMessage: raw || null,
        httpStatus: status,
      }
    }
    if (status >= 400) {
      return {
        kind: 'rejected',
        message: msg('sendOutcome.voice.refusedStatus', { status }),
        providerMessage: raw || null,
        httpStatus: status,
      }
    }
    return {
      kind: 'needs_review',
      message: msg('sendOutcome.voice.unrecognised', { status, taskName }),
      providerMessage: raw || null,
    }
  }

  const providerMessage = `${envelope.code} ${envelope.text}`.trim()
  const id = idFrom(envelope.data)
  switch (envelope.code) {
    case '0':
      return { kind: 'sent', providerId: id ?? taskName, httpStatus: status }
    case '-20':
      if (id) return { kind: 'sent', providerId: id, httpStatus: status }
      return {
        kind: 'needs_review',
        message: msg('sendOutcome.voice.exists', { taskName }),
        providerMessage,
      }
    case '-1':
      return {
        kind: 'needs_auth',
        message: msg('sendOutcome.voice.keysRefused'),
        providerMessage,
      }
    case '-2':
      return {
        kind: 'needs_auth',
        message: msg('sendOutcome.voice.ipRefused'),
        providerMessage,
      }
    case '-16':
      return {
        kind: 'retry',
        delayMs: null,
        reason: msg('sendOutcome.voice.clockWrong'),
        httpStatus: status,
      }
    case '-18':
      return {
        kind: 'retry',
        delayMs: null,
        reason: msg('sendOutcome.voice.systemError', { taskName }),
        httpStatus: status,
      }
    default:
      return {
        kind: 'rejected',
        message:
          VOICE_BROADCAST_REJECTED_CODES[envelope.code] ??
          msg('sendOutcome.voice.refusedCode', { code: envelope.code }),
        providerMessage,
        httpStatus: status,
      }
  }
}

// ——— Client ———

/** The task's idempotency key: the task name is made from it, the same on every resend. */
export type VoiceBroadcastSendContext = SendContext<'voice_broadcast'>

export interface VoiceBroadcastClientOptions {
  transport?: HttpTransport
  /** Per request; the context's signal still applies. */
  timeoutMs?: number
}

export interface VoiceBroadcastClient {
  /** `POST {baseUrl}/voice/group/call/send`, taskName = `voiceBroadcastTaskName(request.taskName, idempotencyKey)`. */
  send(context: VoiceBroadcastSendContext, request: VoiceBroadcastSendRequest): Promise<SendOutcome>
}

const rejectedBeforeSending = (message: Message, providerMessage: string | null): SendOutcome => ({
  kind: 'rejected',
  message,
  providerMessage,
  httpStatus: null,
})

export function createVoiceBroadcastClient(options: VoiceBroadcastClientOptions = {}): VoiceBroadcastClient {
  const transport = options.transport ?? nodeHttpTransport
  const timeoutMs = options.timeoutMs ?? 60_000
  return {
    async send(context, request) {
      const { profile, secret } = context
      const taskName = voiceBroadcastTaskName(request.taskName, context.idempotencyKey)
      const input = { ...request, taskName }
      // The tenant's API revision decides the list's shape; a task in the other shape is not sent.
      const lists = input as Record<string, unknown>
      const given =
        lists.numberInfoList !== undefined ? 'numberInfoList' : lists.numberList !== undefined ? 'numberList' : null
      const both = lists.numberInfoList !== undefined && lists.numberList !== undefined
      if (given && !both && given !== profile.numberListShape) {
        return rejectedBeforeSending(
          msg('sendOutcome.voice.listShape', { expected: profile.numberListShape, given }),
          null,
        )
      }
      // The request was checked once, by the shared registry's toWireRequest; the name set here is
      // 2–64 characters by construction, within the same rule.

      const now = context.clock.now()
      const answer = await sendCapturing(transport, {
        method: 'POST',
        url: `${profile.baseUrl.replace(/\/+$/, '')}/voice/group/call/send`,
        // A fresh Timestamp (and so Sign) on every attempt: a resend after -16 is not stale.
        headers: { ...voiceBroadcastHeaders(secret.apiKey, secret.apiSecret, now), accept: 'application/json' },
        body: JSON.stringify(input),
        signal: context.signal,
        timeoutMs,
      })
      // What the platform answered is redacted by the seam (the task sender), the key and secret included.
      return classifyVoiceBroadcastAnswer(answer, { now, taskName })
    },
  }
}
