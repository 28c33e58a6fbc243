import type { NetworkProblem, SendOutcome } from '@shared/schemas/send-outcome'
import { proxyRefusedStatus } from './proxy-refused'

// How a failed request is told apart as this computer's network's doing (its proxy, an untrusted
// certificate) rather than the provider's, for every request path: the node:http transport's
// codes, fetch's `cause`, the SDKs' errors. Every text the agent and IT read about it is here, in
// one place, so it can be turned into message keys later.

/** TLS verification failures: the certificate presented is not one this computer trusts for that host. */
const UNTRUSTED_CERTIFICATE = new Set([
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'UNABLE_TO_GET_ISSUER_CERT',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'CERT_UNTRUSTED',
  'CERT_REJECTED',
  'CERT_REVOKED',
  'CERT_SIGNATURE_FAILURE',
  'UNABLE_TO_DECRYPT_CERT_SIGNATURE',
  'INVALID_CA',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'HOSTNAME_MISMATCH',
])

/** The network problem a failure code stands for, or null when it is an ordinary network failure. Pure. */
export function networkProblemOf(code: string): NetworkProblem | null {
  if (UNTRUSTED_CERTIFICATE.has(code)) return 'certificate_untrusted'
  const status = proxyRefusedStatus(code)
  if (status === null) return null
  return status === 407 ? 'proxy_auth' : 'proxy_refused'
}

/** The failure code on an error or its causes (Node's `code`, fetch's `cause.code`), or null. */
export function failureCodeOf(error: unknown): string | null {
  for (let e: unknown = error, depth = 0; e && typeof e === 'object' && depth < 5; depth += 1) {
    const code = (e as { code?: unknown }).code
    if (typeof code === 'string' && networkProblemOf(code)) return code
    e = (e as { cause?: unknown }).cause
  }
  return null
}

/** What the agent reads, and what IT has to do, for each problem; `detail` is its code (ERR_PROXY_407, a TLS code). */
export function networkProblemMessage(problem: NetworkProblem, detail: string): string {
  // Read only for the proxy's problems, whose code is ERR_PROXY_<status>.
  const status = detail.replace(/^ERR_PROXY_/, '')
  switch (problem) {
    case 'certificate_untrusted':
      return (
        `Your network presents a certificate this computer does not trust (${detail}), so nothing was sent. ` +
        'If your organization inspects secure connections, IT must install its certificate in this ' +
        "computer's trusted certificates. The task goes once it is trusted: press Retry now, or it is tried again in a few minutes."
      )
    case 'proxy_auth':
      return (
        `Your network's proxy asked for a user name and password and did not accept Callboard's (HTTP ${status}), ` +
        'so nothing was sent. Enter the user name and password IT gave you under Settings, Proxy sign-in ' +
        '(the task is tried again as soon as they are saved), or IT must let Callboard through.'
      )
    case 'proxy_refused':
      return (
        `Your network's proxy refused the connection to the provider (HTTP ${status}), so nothing was sent. ` +
        "IT must allow the provider's address through the proxy. The task goes once that is done: " +
        'press Retry now, or it is tried again in a few minutes.'
      )
  }
}

export type NetworkBlocked = Extract<SendOutcome, { kind: 'network_blocked' }>

/** The outcome for a failure code that is this computer's network's doing, or null. Pure. */
export function networkBlockedOutcome(code: string): NetworkBlocked | null {
  const problem = networkProblemOf(code)
  return problem
    ? { kind: 'network_blocked', problem, message: networkProblemMessage(problem, code), detail: code }
    : null
}

/** The same, for an error thrown by fetch or an SDK (the code may sit on a cause). */
export function networkBlockedOutcomeOf(error: unknown): NetworkBlocked | null {
  const code = failureCodeOf(error)
  return code ? networkBlockedOutcome(code) : null
}
