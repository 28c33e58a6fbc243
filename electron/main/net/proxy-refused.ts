/**
 * The proxy answered our CONNECT with something other than 200 (407: it wants credentials or
 * refused ours; 403: the destination is not allowed; 502: it could not reach the provider). No
 * tunnel existed, so not one byte of the request reached the provider.
 */
export class ProxyRefusedError extends Error {
  readonly code: string
  constructor(
    readonly status: number,
    options?: ErrorOptions,
  ) {
    super(`The proxy refused the connection (HTTP ${status})`, options)
    this.name = 'ProxyRefusedError'
    this.code = proxyRefusedCode(status)
  }
}

/** The code a proxy's refusal is known by in transport answers and logs: `ERR_PROXY_407`. */
export const proxyRefusedCode = (status: number): string => `ERR_PROXY_${status}`

/** The proxy's status in such a code, or null for any other code. Pure. */
export function proxyRefusedStatus(code: string): number | null {
  const match = /^ERR_PROXY_(\d{3})$/.exec(code)
  return match ? Number(match[1]) : null
}
