import { createHash } from 'node:crypto'
import type { SendOutcome } from '@shared/schemas/send-outcome'
import type { VoiceBroadcastSend as VoiceBroadcastSendRequest } from '@shared/providers/voice-broadcast/wire'
import type { SendContext } from '../provider-module'
import { redactOutcome } from '../../secrets/redact-secrets'
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
export const VOICE_BROADCAST_REJECTED_CODES: Readonly<Record<string, string>> = {
  '-10': 'The voice-broadcast account has insufficient balance: top it up, then submit the task again.',
  '-21': 'The voice-broadcast platform refused the task: its data did not pass validation.',
  '-22': 'The voice-broadcast platform refused the task: a parameter is wrong.',
  '-23': 'The voice-broadcast account has reached its data cap: raise it or wait, then submit the task again.',
  '-24': 'The voice-broadcast platform refused the task: something it refers to (e.g. the voice file) does not exist.',
  '-26': 'The voice-broadcast platform could not look up the call rate (tariff) for this task.',
  '-34': 'The voice-broadcast platform refused the task: no callable numbers are left.',
  '-54': 'The voice-broadcast platform refused the task as wrong.',
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
  const safe = `The task name ${taskName} is unique on the account, so sending again cannot create a second broadcast.`
  if (answer.kind === 'network') {
    return unansweredOutcome(answer, {
      resendIsSafe: true,
      retry: (detail, phase) =>
        `The voice-broadcast platform ${phase === 'before_send' ? 'could not be reached' : 'did not answer'} (${detail}). ${safe}`,
    })
  }
  const { status } = answer
  const raw = answer.body.slice(0, 2000)
  if (status === 429) {
    return {
      kind: 'retry',
      delayMs: answerRetryAfterMs(answer.headers, options.now),
      reason: 'The voice-broadcast platform is limiting requests right now; trying again after a wait.',
      httpStatus: status,
    }
  }
  if (status >= 500 || status === 408) {
    return {
      kind: 'retry',
      delayMs: answerRetryAfterMs(answer.headers, options.now),
      reason: `The voice-broadcast platform could not handle the task right now (HTTP ${status}). ${safe}`,
      httpStatus: status,
    }
  }
  const envelope = readEnvelope(parseJson(answer.body))
  if (!envelope) {
    if (status === 401 || status === 403) {
      return {
        kind: 'needs_auth',
        message: `The voice-broadcast platform refused the request (HTTP ${status}): check the API key and secret, and that this computer's IP address is allowed.`,
        providerMessage: raw || null,
      }
    }
    if (status === 404) {
      return {
        kind: 'rejected',
        message:
          "Nothing answers at this profile's base URL: check it (for example https://api.itniotech.com or https://api.laaffic.com/v3).",
        providerMessage: raw || null,
        httpStatus: status,
      }
    }
    if (status >= 400) {
      return {
        kind: 'rejected',
        message: `The voice-broadcast platform refused the task (HTTP ${status}).`,
        providerMessage: raw || null,
        httpStatus: status,
      }
    }
    return {
      kind: 'needs_review',
      message: `The voice-broadcast platform answered HTTP ${status} with something Callboard does not recognise, so it is not known whether task ${taskName} was created. Check the platform's task list before sending it again.`,
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
        message: `The voice-broadcast platform says the data already exists: task ${taskName} was most likely created by an earlier attempt whose answer was lost. Check the platform's task list for it; do not submit it again as a new task.`,
        providerMessage,
      }
    case '-1':
      return {
        kind: 'needs_auth',
        message: 'The voice-broadcast platform refused the API key or secret. Enter them again for this profile.',
        providerMessage,
      }
    case '-2':
      return {
        kind: 'needs_auth',
        message:
          "The voice-broadcast platform refused this computer's IP address: add it to the account's IP allow-list, then send again.",
        providerMessage,
      }
    case '-16':
      return {
        kind: 'retry',
        delayMs: null,
        reason:
          "The voice-broadcast platform says the request's timestamp expired: this computer's clock is probably wrong. The timestamp is made afresh on the next attempt.",
        httpStatus: status,
      }
    case '-18':
      return {
        kind: 'retry',
        delayMs: null,
        reason: `The voice-broadcast platform had a system error. ${safe}`,
        httpStatus: status,
      }
    default:
      return {
        kind: 'rejected',
        message:
          VOICE_BROADCAST_REJECTED_CODES[envelope.code] ??
          `The voice-broadcast platform refused the task (code ${envelope.code}).`,
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

const rejectedBeforeSending = (message: string, providerMessage: string | null): SendOutcome => ({
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
          `The voice broadcast was not sent: this profile's platform expects the numbers as ${profile.numberListShape}, but the task gives them as ${given}. Change the task, or the profile's number list format.`,
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
      // The task sender redacts the secret again; the client keeps its own words clean as well.
      return redactOutcome(classifyVoiceBroadcastAnswer(answer, { now, taskName }), [secret.apiSecret, secret.apiKey])
    },
  }
}
