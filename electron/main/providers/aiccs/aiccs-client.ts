import { networkBlockedOutcome } from '../../net/network-problem'
import type { SendOutcome } from '@shared/schemas/send-outcome'
import { msg } from '@shared/i18n/message'
import type { AiccsCreateAiCallTask } from '@shared/providers/aiccs/wire'
import { AICCS_TASK_NAME_MAX, toAiccsQuery } from '@shared/providers/aiccs/wire'
import type { SendContext } from '../provider-module'
import { findAiccsTaskByName, settleAfterLookup } from './aiccs-lookup'
import type { AlibabaCredentials } from './aiccs-rpc'
import { alibabaRetryAfterMs, callCreateAiCallTask } from './aiccs-rpc'
import type { AiccsCredentials } from './aiccs-credentials'
import { AiccsCredentialsUnavailable, alibabaSecrets, createAiccsCredentials } from './aiccs-credentials'
import type { HttpTransport, SendPhase, TransportAnswer } from '../http/http-transport'
import { transportFor } from '../http/observing-transport'

// Alibaba Cloud AICCS 2019-10-15 `CreateAiCallTask` (providers.md §4), RPC style, signed
// ACS3-HMAC-SHA256 with the official `@alicloud/openapi-core` signing code and sent by the node:http
// transport under the proxy decision (aiccs-rpc.ts).
//
// Idempotency (design.md §4): AICCS has no idempotency key, but task names are unique per account.
// Every task is sent under a TaskName derived from its idempotency key (see `aiccsTaskName`), the
// same on every resend. So when an attempt fails ambiguously (the connection breaks after the body
// went out, no answer in time, a 5xx), sending again is harmless: either the task did not exist and
// is created now, or it does and AICCS refuses the name as a duplicate. That is why those failures
// are `retry` here, not `needs_review` as for Webex or eGain.
//
// A duplicate-name answer means the task almost certainly exists from an earlier attempt of this
// very task, but the answer does not give its id (the real error's shape is not documented; the
// simulator gives none). So the client looks the name up with AICCS's task list
// (`QueryAiCallTaskPage`, aiccs-lookup.ts) and records the task as sent with the id found there;
// so does any other refusal that the list shows to be a task that exists (the duplicate code itself
// is not documented). Only when the list cannot tell is a duplicate name `needs_review`.

// ——— The task name ———

/** The part of every TaskName that makes it unique: `callboard-<idempotency key>`. */
const KEY_PREFIX = 'callboard-'
/** Keys are the outbox's UUIDs; anything in this shape fits the name and survives the query untouched. */
const KEY_SHAPE = /^[A-Za-z0-9_-]{1,64}$/

/**
 * The TaskName sent for a task: `<agent's name> [callboard-<key>]`, or `callboard-<key>` when the
 * agent gave none. The agent's name (trimmed, whitespace collapsed) is cut so the whole fits 128
 * characters; the key part is never cut, so two tasks never share a name and a task always gets
 * the same one. Deterministic: it depends only on the key and the stored name (the outbox resends
 * the stored parameters, never edited ones). Null when the key is not a usable key.
 */
export function aiccsTaskName(idempotencyKey: string, agentName?: string): string | null {
  if (!KEY_SHAPE.test(idempotencyKey)) return null
  const suffix = `${KEY_PREFIX}${idempotencyKey}`
  const label = (agentName ?? '').replace(/\s+/g, ' ').trim()
  if (!label) return suffix
  const room = AICCS_TASK_NAME_MAX - suffix.length - 3 // ' [' + ']'
  return `${[...label].slice(0, room).join('').trimEnd()} [${suffix}]`
}

// ——— Reading the answer (pure) ———

/** Everything the classifier needs from one attempt. */
export type AiccsReply =
  /** An HTTP answer whose JSON body was read (a 2xx or Alibaba's error). */
  | {
      kind: 'answer'
      status: number
      code: string | null
      /** `Success` of a 2xx body; null when absent (error bodies have none). */
      success: boolean | null
      message: string | null
      requestId: string | null
      /** `Data` as exact decimal digits, or null when absent or not exactly readable. */
      taskId: string | null
      /**
       * The wait the answer asked for, in ms: its `Retry-After`, or a throttled answer's
       * `x-acs-retry-after`, the longer of the two; absent or null when it gave none.
       */
      retryAfterMs?: number | null
    }
  /** An answer whose body was not Alibaba's JSON (a proxy page, a cut body). */
  | { kind: 'unreadable'; status: number; detail: string }
  /** No answer: refused, reset, DNS, TLS, a proxy's refusal, timeout, abort; before or after the request left. */
  | { kind: 'network'; detail: string; phase: SendPhase }

/**
 * `Data` of a raw JSON body as decimal digits, read from the text itself, never through a JS number
 * (which would round 1234567890123456789 to 1234567890123456800). Accepts a JSON number or a string
 * of digits. Only the top-level object's `Data` counts: the body is `{RequestId, Code, Success,
 * Message, Data, AccessDeniedDetail}`, and the parsed value must agree with the digits found.
 */
export function losslessTaskId(body: string): string | null {
  let parsed: unknown
  try {
    parsed = JSON.parse(body)
  } catch {
    return null
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return null
  const data = (parsed as Record<string, unknown>)['Data']
  if (typeof data === 'string') return /^\d{1,20}$/.test(data) ? data : null
  if (typeof data !== 'number' || !Number.isInteger(data) || data < 0) return null
  const matches = [...body.matchAll(/"Data"\s*:\s*(\d{1,20})\s*[,}]/g)].map((m) => m[1]!)
  const exact = matches.filter((digits) => Number(digits) === data)
  // More than one candidate (a nested "Data"): only trust them if they agree.
  return exact.length > 0 && exact.every((d) => d === exact[0]) ? exact[0]! : null
}

/** An answer's raw body → its reply (the SDK read error bodies the same way, but through a lossy JSON parse). */
export function replyFromBody(status: number, body: string): AiccsReply {
  let parsed: unknown
  try {
    parsed = JSON.parse(body)
  } catch {
    return { kind: 'unreadable', status, detail: body.slice(0, 200) }
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
    return { kind: 'unreadable', status, detail: body.slice(0, 200) }
  }
  const b = parsed as Record<string, unknown>
  const text = (key: string) => (typeof b[key] === 'string' ? b[key] : null)
  return {
    kind: 'answer',
    status,
    code: text('Code'),
    success: typeof b['Success'] === 'boolean' ? b['Success'] : null,
    message: text('Message'),
    requestId: text('RequestId'),
    taskId: losslessTaskId(body),
  }
}

/**
 * One attempt, as the transport captured it → its reply. Every HTTP answer's raw body is read the
 * same way (the 64-bit id exact, error bodies included), with the wait it asked for: its
 * `Retry-After` (measured on its own Date) or a throttled answer's `x-acs-retry-after`, the longer;
 * both are floors. A network failure keeps its code (or "no answer in time") and which side of
 * "sent" it fell on. Pure.
 */
export function replyFromTransport(answer: TransportAnswer, now: Date): AiccsReply {
  if (answer.kind === 'network') {
    return { kind: 'network', detail: answer.timedOut ? 'no answer in time' : answer.code, phase: answer.phase }
  }
  const reply = replyFromBody(answer.status, answer.body)
  if (reply.kind !== 'answer') return reply
  const wait = alibabaRetryAfterMs(answer.headers, reply.code, now)
  return wait !== null ? { ...reply, retryAfterMs: wait } : reply
}

// ——— Classification (pure) ———

/** The gateway's codes for "this AccessKey, signature or RAM policy is not accepted". */
export const AICCS_AUTH_CODES: ReadonlySet<string> = new Set([
  'InvalidAccessKeyId',
  'InvalidAccessKeyId.NotFound',
  'InvalidAccessKeyId.Inactive',
  'SignatureDoesNotMatch',
  'IncompleteSignature',
  'InvalidSecurityToken.Expired',
  'InvalidSecurityToken.Malformed',
  'InvalidSecurityToken.MismatchWithAccessKey',
  'Forbidden.RAM',
  'NoPermission',
])

/**
 * [I] A duplicate TaskName. The real code is not documented (providers.md §4); the simulator
 * answers `TaskName.Duplicate` (HTTP 400). Other spellings Alibaba uses elsewhere are accepted too.
 */
export function isDuplicateNameCode(code: string): boolean {
  return /duplicat/i.test(code) || /^TaskName\.(Exist|AlreadyExist)/i.test(code)
}

/** Alibaba's own words: `Code: Message (RequestId …)`. */
function providerText(r: { code: string | null; message: string | null; requestId: string | null }): string | null {
  const head = r.message ? `${r.code ?? 'Error'}: ${r.message}` : r.code
  if (head === null) return null
  return `${head}${r.requestId ? ` (RequestId ${r.requestId})` : ''}`.slice(0, 2000)
}

/**
 * One attempt's reply → exactly one outcome.
 *
 * - 2xx, `Code` OK and `Success` true, with an exact `Data` → `sent` (providerId = the id's digits).
 *   Without a readable `Data` → `retry` (the resend finds the name taken: see duplicates).
 * - 2xx `Code` OK without `Success` true (a sample shows this [C]) → `needs_review`.
 * - Duplicate TaskName (any status) → `sent` if the answer carries the existing id, else
 *   `needs_review`: the task almost certainly exists from an earlier attempt, but we cannot show it.
 * - Auth codes, `Forbidden*`, `InvalidTimeStamp*` (the clock) → `needs_auth`: the profile's
 *   credentials or policy must change; the task itself is fine (as in the Connect client).
 * - `Throttling*`, 429 → `retry` after the answer's wait; 5xx, 408, `ServiceUnavailable`,
 *   `InternalError` → `retry`; `SignatureNonceUsed` → `retry` (every attempt has a new nonce).
 * - Network failures and unreadable answers → `retry` (the unique name makes a resend harmless).
 * - Any other 4xx, or a 2xx with `Success` false and a business code (MissingParameter,
 *   InvalidParameter…) → `rejected` with Alibaba's message.
 */
export function classifyAiccsReply(reply: AiccsReply): SendOutcome {
  if (reply.kind === 'network') {
    // A proxy's refusal or an untrusted certificate: this computer's network stopped it.
    const blocked = networkBlockedOutcome(reply.detail)
    if (blocked) return blocked
    return {
      kind: 'retry',
      delayMs: null,
      reason:
        reply.phase === 'before_send'
          ? msg('sendOutcome.aiccs.unreachableNothingSent', { detail: reply.detail })
          : msg('sendOutcome.aiccs.unreachable', { detail: reply.detail }),
      httpStatus: null,
    }
  }
  if (reply.kind === 'unreadable') {
    return {
      kind: 'retry',
      delayMs: null,
      reason: msg('sendOutcome.aiccs.notJsonStatus', { status: reply.status }),
      httpStatus: reply.status,
    }
  }
  const { status } = reply
  const code = reply.code ?? ''
  const providerMessage = providerText(reply)
  const ok = status >= 200 && status < 300 && code === 'OK' && reply.success === true

  if (ok) {
    if (reply.taskId) return { kind: 'sent', providerId: reply.taskId, httpStatus: status }
    return {
      kind: 'retry',
      delayMs: null,
      reason: msg('sendOutcome.aiccs.acceptedNoId', { status }),
      httpStatus: status,
    }
  }
  if (code === 'OK' && status >= 200 && status < 300) {
    // [C] The Chinese sample shows `Code: "OK"` with `Success: false`: the task may or may not exist.
    return {
      kind: 'needs_review',
      message: msg('sendOutcome.aiccs.notConfirmed'),
      providerMessage,
    }
  }
  if (isDuplicateNameCode(code)) {
    if (reply.taskId) return { kind: 'sent', providerId: reply.taskId, httpStatus: status }
    return {
      kind: 'needs_review',
      message: msg('sendOutcome.aiccs.duplicateNoId'),
      providerMessage,
    }
  }
  if (AICCS_AUTH_CODES.has(code) || code.startsWith('Forbidden') || code.startsWith('InvalidAccessKeyId')) {
    const message =
      code.startsWith('Forbidden') || code === 'NoPermission'
        ? msg('sendOutcome.aiccs.notPermitted')
        : msg('sendOutcome.aiccs.keysRefused')
    return { kind: 'needs_auth', message, providerMessage }
  }
  if (code.startsWith('InvalidTimeStamp')) {
    return {
      kind: 'needs_auth',
      message: msg('sendOutcome.aiccs.clockRefused'),
      providerMessage,
    }
  }
  if (code.startsWith('Throttling') || status === 429) {
    return {
      kind: 'retry',
      delayMs: reply.retryAfterMs ?? null,
      reason: msg('sendOutcome.aiccs.throttled'),
      httpStatus: status,
    }
  }
  // 408: the gateway gave up waiting for the request; like a 5xx, the unique name makes a resend harmless.
  if (
    status >= 500 ||
    status === 408 ||
    code === 'ServiceUnavailable' ||
    code === 'InternalError' ||
    code === 'SignatureNonceUsed'
  ) {
    return {
      kind: 'retry',
      delayMs: reply.retryAfterMs ?? null,
      reason: code
        ? msg('sendOutcome.aiccs.serverErrorCode', { status, code })
        : msg('sendOutcome.aiccs.serverError', { status }),
      httpStatus: status,
    }
  }
  const message =
    code === 'MissingParameter' || code.startsWith('MissingParameter.')
      ? msg('sendOutcome.aiccs.missingParameter')
      : code === 'InvalidParameter' || code.startsWith('InvalidParameter.')
        ? msg('sendOutcome.aiccs.invalidParameter')
        : status >= 200 && status < 300
          ? msg('sendOutcome.aiccs.notCreated')
          : msg('sendOutcome.aiccs.refusedStatus', { status })
  return {
    kind: 'rejected',
    message,
    providerMessage: providerMessage ?? `HTTP ${status}`,
    httpStatus: status,
  }
}

// ——— Client ———

/**
 * Whether an attempt's outcome is a refusal that may be AICCS meeting a task an earlier attempt
 * created, to be checked against the task list: a duplicate-name answer without the id, or any
 * other refusal (the real duplicate code is not documented, so a refusal is not believed before the
 * list is asked). Null when there is nothing to check. Pure.
 */
export function refusalToCheck(
  reply: AiccsReply,
  outcome: SendOutcome,
): { status: number; duplicateName: boolean } | null {
  if (reply.kind !== 'answer') return null
  const duplicateName = isDuplicateNameCode(reply.code ?? '')
  const check = outcome.kind === 'rejected' || (outcome.kind === 'needs_review' && duplicateName)
  return check ? { status: reply.status, duplicateName } : null
}

/** The task's idempotency key, from the outbox: the TaskName is derived from it (`aiccsTaskName`). */
export type AiccsSendContext = SendContext<'aiccs'>

/** CreateAiCallTask's parameters; `TaskName` is the agent's label (optional), the wire name is derived. */
export type AiccsTaskParams = Omit<AiccsCreateAiCallTask, 'TaskName'> & { TaskName?: string }

export interface AiccsClientOptions {
  /** Per request (connect, send and answer); the context's signal still applies. */
  timeoutMs?: number
  /** Default: the node:http transport under the process's proxy decision; tests hand a fake. */
  transport?: HttpTransport
  /** Told of every answer's `Date` header, so the outbox can learn the provider's clock. */
  onServerDate?: (dateHeader: string | undefined, sentAtMs: number, receivedAtMs: number) => void
  /** Where the signing credentials come from (default: a new holder for this client's profile). */
  credentials?: AiccsCredentials
}

/** No credentials could be had (the role could not be assumed): nothing was sent. */
export function classifyAiccsCredentialsProblem(problem: AiccsCredentialsUnavailable): SendOutcome {
  if (problem.why === 'sign_in') {
    return { kind: 'needs_auth', message: problem.said, providerMessage: problem.providerMessage }
  }
  // The proxy refused STS, or the network presents an untrusted certificate for it: IT's to fix.
  const blocked = problem.networkCode === null ? null : networkBlockedOutcome(problem.networkCode)
  if (blocked) return blocked
  return {
    kind: 'retry',
    delayMs: problem.retryAfterMs,
    reason: msg('credentials.aiccs.nothingSent', { problem: problem.said }),
    httpStatus: null,
  }
}

/** STS credentials past their end, as the gateway says it: assumed again once, silently. */
const expiredStsToken = (outcome: SendOutcome) =>
  outcome.kind === 'needs_auth' && String(outcome.providerMessage).startsWith('InvalidSecurityToken.Expired')

export interface AiccsClient {
  /** RPC `POST /` `Action=CreateAiCallTask`, parameters in the query, TaskName from the idempotency key. */
  send(context: AiccsSendContext, params: AiccsTaskParams): Promise<SendOutcome>
}

export function createAiccsClient(options: AiccsClientOptions = {}): AiccsClient {
  const timeoutMs = options.timeoutMs ?? 30_000
  const credentials = options.credentials ?? createAiccsCredentials()
  // The task's answer's Date header teaches the outbox the provider's clock (one lesson per attempt).
  const transport = transportFor(options.onServerDate, options.transport)
  return {
    async send(context, params) {
      const signed = async () => {
        const signWith = await credentials.resolve({ ...context, timeoutMs, transport })
        if (signWith instanceof AiccsCredentialsUnavailable) return classifyAiccsCredentialsProblem(signWith)
        // STS credentials obtained here are secrets too: the seam hides them from whatever Alibaba Cloud answered.
        context.reveal?.(alibabaSecrets(signWith))
        return sendSigned(context, params, signWith)
      }
      const outcome = await signed()
      if (!expiredStsToken(outcome) || context.profile.credentialSource !== 'sts_role') return outcome
      // The role's credentials ended early (or on a clock Alibaba disagrees with): assumed again,
      // once. The task's name makes the resend harmless.
      credentials.forget(context.profile.id)
      return signed()
    },
  }

  async function sendSigned(
    context: AiccsSendContext,
    params: AiccsTaskParams,
    signWith: AlibabaCredentials,
  ): Promise<SendOutcome> {
    const taskName = aiccsTaskName(context.idempotencyKey, params.TaskName)
    if (taskName === null) {
      return {
        kind: 'rejected',
        message: msg('sendOutcome.aiccs.noTaskName'),
        providerMessage: null,
        httpStatus: null,
      }
    }
    // The parameters were checked once, by the shared registry's toWireRequest; the name derived
    // here fits the same rule by construction (aiccsTaskName keeps it within the cap).
    const query = toAiccsQuery({ ...params, TaskName: taskName })

    const { profile, clock } = context
    // Signed on the provider's clock (the context's), so a skewed computer is not refused. The
    // transport holds the attempt to `timeoutMs` and to the context's signal.
    const answer = await callCreateAiCallTask(profile, signWith, query, {
      timeoutMs,
      signal: context.signal,
      signedAt: clock.now(),
      transport,
    })
    const reply = replyFromTransport(answer, clock.now())
    const outcome = classifyAiccsReply(reply)
    const refusal = refusalToCheck(reply, outcome)
    if (refusal === null) return outcome
    // Refused, perhaps because an earlier attempt of this very task created it: ask AICCS's list.
    return settleAfterLookup(
      outcome,
      await findAiccsTaskByName(context, taskName, { timeoutMs, signWith, transport: options.transport }),
      refusal,
    )
  }
}
