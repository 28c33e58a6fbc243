import { networkBlockedOutcome, networkProblemOf } from '../../net/network-problem'
import type { SendOutcome } from '@shared/schemas/send-outcome'
import { msg, type MessageParam } from '@shared/i18n/message'
import type { AiccsCreateAiCallTask } from '@shared/providers/aiccs/wire'
import { AICCS_TASK_NAME_MAX, toAiccsQuery } from '@shared/providers/aiccs/wire'
import type { SendContext } from '../provider-module'
import { findAiccsTaskByName, settleAfterLookup } from './aiccs-lookup'
import type { AlibabaCredentials } from './aiccs-rpc'
import { callCreateAiCallTask } from './aiccs-rpc'
import type { AiccsCredentials } from './aiccs-credentials'
import { AiccsCredentialsUnavailable, alibabaSecrets, createAiccsCredentials } from './aiccs-credentials'
import { redactOutcome } from '../../secrets/redact-secrets'
import { withDeadline } from '../http/attempt-deadline'
import { answerRetryAfterMs } from '../http/retry-after'
import { withAnswerHeaders } from '../http/sdk-answer-headers'

// Alibaba Cloud AICCS 2019-10-15 `CreateAiCallTask` (providers.md §4), RPC style, signed
// ACS3-HMAC-SHA256 by the official `@alicloud/openapi-core` client.
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
  /** An HTTP answer whose body was read (the SDK's error, or a 2xx body). */
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
       * The wait the answer asked for, in ms: its `Retry-After`, or `x-acs-retry-after` (which the
       * SDK hands over on its ThrottlingError as `retryAfter`), the longer of the two; absent or
       * null when it gave none.
       */
      retryAfterMs?: number | null
    }
  /** An answer whose body was not Alibaba's JSON (a proxy page, a cut body). */
  | { kind: 'unreadable'; status: number | null; detail: string }
  /** No answer: refused, reset, DNS, TLS, timeout, abort; before or after the body was written. */
  | { kind: 'network'; detail: MessageParam }

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

/** A 2xx answer's raw body → its reply. */
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
 * What `callCreateAiCallTask` resolved with (the SDK's `{statusCode, headers, body}` for a 2xx) → its
 * reply. The SDK types both loosely: a missing status is read as the 2xx it resolved for, a missing
 * body as an empty (unreadable) one.
 */
export function replyFromAnswer(answer: { statusCode?: unknown; body?: unknown }): AiccsReply {
  const status = typeof answer.statusCode === 'number' ? answer.statusCode : 200
  return replyFromBody(status, typeof answer.body === 'string' ? answer.body : '')
}

/** Node's network error code (ECONNRESET, ECONNREFUSED…), or the error's name and message. */
function networkDetail(error: unknown): MessageParam {
  if (!(error instanceof Error)) return msg('detail.unknownError')
  if (error.name === 'AbortError' || error.name === 'TimeoutError') return msg('detail.noAnswer')
  const code = (error as { code?: unknown }).code ?? (error as { cause?: { code?: unknown } }).cause?.code
  if (typeof code === 'string' && (/^E[A-Z_]+$/.test(code) || networkProblemOf(code))) return code
  return error.message ? `${error.name}: ${error.message}`.slice(0, 200) : error.name
}

/**
 * What `callApi` threw → its reply. The SDK throws `ClientError`/`ThrottlingError`/`ServerError`
 * with `statusCode`, `code` and the parsed error body in `data` for a 4xx/5xx; a `SyntaxError` when
 * that body was not JSON; anything else is a network failure (or our timeout/abort).
 */
export function replyFromError(error: unknown): AiccsReply {
  if (error instanceof SyntaxError) return { kind: 'unreadable', status: null, detail: error.message.slice(0, 200) }
  const { statusCode, code, data, retryAfter } = (error ?? {}) as {
    statusCode?: unknown
    code?: unknown
    data?: unknown
    retryAfter?: unknown
  }
  if (error instanceof Error && typeof statusCode === 'number') {
    const body = (data && typeof data === 'object' ? data : {}) as Record<string, unknown>
    const text = (key: string) => (typeof body[key] === 'string' ? body[key] : null)
    const id = body['Data']
    return {
      kind: 'answer',
      status: statusCode,
      code: text('Code') ?? (typeof code === 'string' && code !== 'undefined' ? code : null),
      success: typeof body['Success'] === 'boolean' ? body['Success'] : null,
      message: text('Message'),
      requestId: text('RequestId'),
      // The SDK parsed this body as JSON: a number id is only exact if it is a safe integer.
      taskId:
        typeof id === 'string' && /^\d{1,20}$/.test(id)
          ? id
          : typeof id === 'number' && Number.isSafeInteger(id) && id >= 0
            ? String(id)
            : null,
      retryAfterMs: typeof retryAfter === 'number' && Number.isFinite(retryAfter) ? Math.max(0, retryAfter) : null,
    }
  }
  return { kind: 'network', detail: networkDetail(error) }
}

/**
 * The reply with the wait its answer's headers asked for (`Retry-After`, read by the seam), kept
 * when the SDK's own hint is longer: both are floors.
 */
export function withHeaderWait(reply: AiccsReply, headerWaitMs: number | null): AiccsReply {
  if (reply.kind !== 'answer' || headerWaitMs === null) return reply
  return { ...reply, retryAfterMs: Math.max(headerWaitMs, reply.retryAfterMs ?? 0) }
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
    const blocked = typeof reply.detail === 'string' ? networkBlockedOutcome(reply.detail) : null
    if (blocked) return blocked
    return {
      kind: 'retry',
      delayMs: null,
      reason: msg('sendOutcome.aiccs.unreachable', { detail: reply.detail }),
      httpStatus: null,
    }
  }
  if (reply.kind === 'unreadable') {
    return {
      kind: 'retry',
      delayMs: null,
      reason:
        reply.status === null
          ? msg('sendOutcome.aiccs.notJson')
          : msg('sendOutcome.aiccs.notJsonStatus', { status: reply.status }),
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
  /** Per request (connect and read); the context's signal still applies. */
  timeoutMs?: number
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
  return {
    kind: 'retry',
    delayMs: null,
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
  return {
    async send(context, params) {
      // STS credentials obtained here are secrets too: hidden from whatever Alibaba Cloud answered.
      const used: AlibabaCredentials[] = []
      const hidden = (outcome: SendOutcome) => redactOutcome(outcome, used.flatMap(alibabaSecrets))
      const signed = async () => {
        const signWith = await credentials.resolve({ ...context, timeoutMs })
        if (signWith instanceof AiccsCredentialsUnavailable) return classifyAiccsCredentialsProblem(signWith)
        used.push(signWith)
        return sendSigned(context, params, signWith)
      }
      const outcome = await signed()
      if (!expiredStsToken(outcome) || context.profile.credentialSource !== 'sts_role') return hidden(outcome)
      // The role's credentials ended early (or on a clock Alibaba disagrees with): assumed again,
      // once. The task's name makes the resend harmless.
      credentials.forget(context.profile.id)
      return hidden(await signed())
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
    // The SDK hides its answers' headers: the seam hears them (Date teaches the clock, Retry-After the wait).
    let headers: Record<string, string | undefined> = {}
    const heard = (answer: Record<string, string | undefined>, sentAtMs: number, receivedAtMs: number) => {
      headers = answer
      options.onServerDate?.(answer['date'], sentAtMs, receivedAtMs)
    }
    const reply = await withDeadline(context.signal, timeoutMs, async (signal) => {
      try {
        // Already aborted or out of time: stop here. The SDK takes no signal, so a call started now
        // would go out (and might create the task) even though its answer is no longer awaited.
        signal.throwIfAborted()
        // Signed on the provider's clock (the context's), so a skewed computer is not refused.
        const answer = await withAnswerHeaders(heard, () =>
          callCreateAiCallTask(profile, signWith, query, { timeoutMs, signal, signedAt: clock.now() }),
        )
        return replyFromAnswer(answer)
      } catch (error) {
        return replyFromError(error)
      }
    })
    const outcome = classifyAiccsReply(withHeaderWait(reply, answerRetryAfterMs(headers, clock.now())))
    const refusal = refusalToCheck(reply, outcome)
    if (refusal === null) return outcome
    // Refused, perhaps because an earlier attempt of this very task created it: ask AICCS's list.
    return settleAfterLookup(outcome, await findAiccsTaskByName(context, taskName, { timeoutMs, signWith }), refusal)
  }
}
