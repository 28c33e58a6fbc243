import type { ProfileOf } from '@shared/providers/registry'
import type { ConnectionProbe, ProbeFinding } from '../connection-probe'
import { msg, type Message } from '@shared/i18n/message'
import { askedToWait, asksToWait, unreachableBy } from '../connection-probe'
import { networkBlockedOutcome } from '../../net/network-problem'
import { alibabaErrorOf, alibabaRetryAfterMs, callCreateAiCallTask } from './aiccs-rpc'
import type { AlibabaCredentials } from './aiccs-rpc'
import { AiccsCredentialsUnavailable, alibabaSecrets, createAiccsCredentials } from './aiccs-credentials'

const TIMEOUT_MS = 10_000

/** Codes Alibaba Cloud's API gateway gives when it does not accept the AccessKey or the signature. */
const AUTH_CODES = new Set([
  'InvalidAccessKeyId.NotFound',
  'InvalidAccessKeyId.Inactive',
  'InvalidAccessKeyId',
  'SignatureDoesNotMatch',
  'IncompleteSignature',
  'InvalidSecurityToken.Expired',
  'InvalidSecurityToken.Malformed',
  'InvalidSecurityToken.MismatchWithAccessKey',
])

interface AiccsAnswer {
  code: string | null
  status: number | null
  providerMessage: string
}

/** The gateway's JSON error `{RequestId, HostId, Code, Message, Recommend}`, or null when the body is not one. Pure. */
function answerFrom(status: number, body: string): AiccsAnswer | null {
  const { code, message, requestId } = alibabaErrorOf(body)
  if (code === null && message === null) return null
  return {
    code,
    status,
    providerMessage: (message !== null
      ? `${code ?? 'Error'}: ${message}${requestId ? ` (RequestId ${requestId})` : ''}`
      : body
    ).slice(0, 2000),
  }
}

function classify({ code, status, providerMessage }: AiccsAnswer): ProbeFinding {
  const found = (outcome: ProbeFinding['outcome'], message: Message): ProbeFinding => ({
    outcome,
    message,
    providerMessage,
    httpStatus: status,
  })
  const c = code ?? ''
  if (c === 'MissingParameter' || c.startsWith('MissingParameter.') || c === 'InvalidParameter') {
    return found('connected', msg('probe.aiccs.signedIn'))
  }
  if (AUTH_CODES.has(c)) {
    return found('auth_rejected', msg('probe.aiccs.keysRefused'))
  }
  if (c.startsWith('InvalidTimeStamp')) {
    return found('auth_rejected', msg('probe.aiccs.clockRefused'))
  }
  if (c.startsWith('Forbidden') || c === 'NoPermission') {
    return found('not_permitted', msg('probe.aiccs.notPermitted'))
  }
  if (status !== null && status >= 500) return found('provider_error', msg('probe.aiccs.unavailable'))
  return found('provider_error', msg('probe.aiccs.unexpected'))
}

/**
 * Alibaba Cloud AICCS: a CreateAiCallTask request, signed ACS3-HMAC-SHA256 and sent as a task
 * is (aiccs-rpc.ts: through the proxy decision), deliberately sent **without any parameter**. The API gateway
 * checks the AccessKey and the signature before it looks at parameters, so valid credentials get
 * `MissingParameter` (HTTP 400) and a task can never be created, while bad credentials get
 * `InvalidAccessKeyId.NotFound`, `SignatureDoesNotMatch` or `IncompleteSignature`. AICCS has no
 * read-only "describe" call that a send-only RAM policy would allow, so this is the lightest
 * authenticated request there is. It proves the AccessKey and the endpoint; whether the RAM policy
 * allows the action is only certain when a task is sent.
 */
export function createAiccsProbe(): ConnectionProbe<'aiccs'> {
  return async (context) => {
    const { profile, signal } = context
    // A RAM role is assumed afresh: Test connection proves the AccessKey may assume it.
    const signWith = await createAiccsCredentials().resolve({ ...context, timeoutMs: TIMEOUT_MS })
    if (signWith instanceof AiccsCredentialsUnavailable) {
      const error = signWith
      // The proxy refused STS, or its certificate is not trusted: the words for IT, as for AICCS itself.
      const blocked = error.networkCode === null ? null : networkBlockedOutcome(error.networkCode)
      return {
        outcome:
          error.why === 'sign_in' ? 'auth_rejected' : error.why === 'unreachable' ? 'unreachable' : 'provider_error',
        message: blocked?.message ?? error.said,
        providerMessage: error.providerMessage,
        httpStatus: null,
      }
    }
    // The role's credentials: the seam (the connection tester) hides them from whatever Alibaba Cloud answered.
    context.reveal?.(alibabaSecrets(signWith))
    return probeSigned(profile, signWith, signal, context.clock.now())
  }
}

async function probeSigned(
  profile: ProfileOf<'aiccs'>,
  signWith: AlibabaCredentials,
  signal: AbortSignal,
  signedAt: Date,
): Promise<ProbeFinding> {
  const where = msg('probe.where.aiccsEndpoint', { endpoint: profile.endpoint })
  const answer = await callCreateAiCallTask(profile, signWith, {}, { timeoutMs: TIMEOUT_MS, signal, signedAt })
  if (answer.kind === 'network') return unreachableBy(answer, where)
  // A 2xx to a request without parameters can only be a business error (`Success: false`).
  const answered = answerFrom(answer.status, answer.body)
  if (asksToWait(answer.status) || answered?.code?.startsWith('Throttling')) {
    const wait = alibabaRetryAfterMs(answer.headers, answered?.code ?? null, signedAt)
    return askedToWait(where, answer.status, wait, answered?.providerMessage ?? answer.body.slice(0, 2000))
  }
  if (answered) return classify(answered)
  // Not Alibaba's JSON: a proxy's or a captive portal's page.
  return {
    outcome: 'provider_error',
    message: msg('probe.aiccs.notJson', { where }),
    providerMessage: answer.body.slice(0, 2000),
    httpStatus: answer.status,
  }
}

export const aiccsProbe: ConnectionProbe<'aiccs'> = createAiccsProbe()
