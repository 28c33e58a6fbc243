import type { ProfileOf } from '@shared/providers/registry'
import type { ConnectionProbe, ProbeFinding } from '../connection-probe'
import { msg, type Message } from '@shared/i18n/message'
import { unreachable } from '../connection-probe'
import { callCreateAiCallTask } from './aiccs-rpc'
import type { AlibabaCredentials } from './aiccs-rpc'
import { AiccsCredentialsUnavailable, alibabaSecrets, createAiccsCredentials } from './aiccs-credentials'
import { redactMaybe, redactMessage } from '../../secrets/redact-secrets'

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

/** The gateway's JSON error `{RequestId, HostId, Code, Message, Recommend}`, as the SDK exposes it. */
function answerFrom(error: unknown): AiccsAnswer | null {
  if (!(error instanceof Error)) return null
  const { code, statusCode, data } = error as { code?: unknown; statusCode?: unknown; data?: unknown }
  if (typeof statusCode !== 'number') return null
  const body = (data ?? {}) as Record<string, unknown>
  const text = (key: string) => (typeof body[key] === 'string' ? body[key] : null)
  const codeText = text('Code') ?? (typeof code === 'string' ? code : null)
  const message = text('Message')
  const requestId = text('RequestId')
  return {
    code: codeText,
    status: statusCode,
    providerMessage: (message !== null
      ? `${codeText ?? 'Error'}: ${message}${requestId ? ` (RequestId ${requestId})` : ''}`
      : error.message
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
  if (c.startsWith('Throttling')) {
    return found('provider_error', msg('probe.aiccs.throttled'))
  }
  if (status !== null && status >= 500) return found('provider_error', msg('probe.aiccs.unavailable'))
  return found('provider_error', msg('probe.aiccs.unexpected'))
}

/** Node's errno-style failures (`code: 'ECONNREFUSED'`) in the shape `unreachable()` reads. */
function networkError(error: unknown): unknown {
  const code = (error as { code?: unknown } | null)?.code
  return typeof code === 'string' && /^E[A-Z_]+$/.test(code) ? Object.assign(new Error(code), { cause: error }) : error
}

/**
 * Alibaba Cloud AICCS: a CreateAiCallTask request, signed ACS3-HMAC-SHA256 by the official
 * `@alicloud/openapi-core` client, deliberately sent **without any parameter**. The API gateway
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
      return {
        outcome:
          error.why === 'sign_in' ? 'auth_rejected' : error.why === 'unreachable' ? 'unreachable' : 'provider_error',
        message: error.said,
        providerMessage: error.providerMessage,
        httpStatus: null,
      }
    }
    const hide = alibabaSecrets(signWith)
    const finding = await probeSigned(profile, signWith, signal, context.clock.now())
    return {
      ...finding,
      message: redactMessage(finding.message, hide),
      ...(finding.providerMessage !== undefined && { providerMessage: redactMaybe(finding.providerMessage, hide) }),
    }
  }
}

async function probeSigned(
  profile: ProfileOf<'aiccs'>,
  signWith: AlibabaCredentials,
  signal: AbortSignal,
  signedAt: Date,
): Promise<ProbeFinding> {
  const where = msg('probe.where.aiccsEndpoint', { endpoint: profile.endpoint })
  try {
    const answer = await callCreateAiCallTask(
      profile,
      signWith,
      {},
      {
        timeoutMs: TIMEOUT_MS,
        signal,
        signedAt,
      },
    )
    // A 2xx to a request without parameters: only a business error (`Success: false`) makes sense.
    const body = typeof answer.body === 'string' ? answer.body : ''
    const code = /"Code"\s*:\s*"([^"]*)"/.exec(body)?.[1] ?? null
    return classify({
      code,
      status: typeof answer.statusCode === 'number' ? answer.statusCode : null,
      providerMessage: body.slice(0, 2000),
    })
  } catch (error) {
    const answered = answerFrom(error)
    if (answered) return classify(answered)
    if (error instanceof SyntaxError) {
      // The SDK parses every error body as JSON; a proxy's HTML page ends up here.
      return {
        outcome: 'provider_error',
        message: msg('probe.aiccs.notJson', { where }),
        providerMessage: error.message.slice(0, 2000),
        httpStatus: null,
      }
    }
    return unreachable(networkError(error), where)
  }
}

export const aiccsProbe: ConnectionProbe<'aiccs'> = createAiccsProbe()
