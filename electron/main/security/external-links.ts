/**
 * Hosts Callboard may open in the user's browser: the providers' own documentation and consoles.
 * Exact host names only; a subdomain is not implied.
 */
export const EXTERNAL_HOSTS: readonly string[] = [
  'developer.webex.com',
  'admin.webex.com',
  'docs.aws.amazon.com',
  'console.aws.amazon.com',
  'apidev.egain.com',
  'www.alibabacloud.com',
  'help.aliyun.com',
]

export type LinkVerdict = { allowed: true; url: string } | { allowed: false; reason: string }

// Control characters and whitespace are refused outright: URL parsing would strip some of them
// and turn a link that looks like one thing into another.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE_CHARS = /[\u0000-\u0020\u007f-\u00a0\u1680\u2000-\u200f\u2028-\u202f\u205f\u3000\ufeff]/

export function checkExternalUrl(raw: unknown, allowedHosts: readonly string[] = EXTERNAL_HOSTS): LinkVerdict {
  if (typeof raw !== 'string') return { allowed: false, reason: 'not a string' }
  if (raw.length > 2048) return { allowed: false, reason: 'too long' }
  if (UNSAFE_CHARS.test(raw)) return { allowed: false, reason: 'contains whitespace or control characters' }
  if (raw.includes('\\')) return { allowed: false, reason: 'contains a backslash' }
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    return { allowed: false, reason: 'not a valid URL' }
  }
  if (url.protocol !== 'https:') return { allowed: false, reason: `scheme ${url.protocol} is not https:` }
  if (!raw.toLowerCase().startsWith('https://')) return { allowed: false, reason: 'not written as https://' }
  if (url.username || url.password || raw.slice(8).split(/[/?#]/)[0]?.includes('@')) {
    return { allowed: false, reason: 'contains user info' }
  }
  if (url.port !== '') return { allowed: false, reason: 'non-default port' }
  if (!allowedHosts.includes(url.hostname)) return { allowed: false, reason: `host ${url.hostname} is not allowed` }
  return { allowed: true, url: url.href }
}

export interface ShellLike {
  openExternal(url: string): Promise<void>
}

/** The only way Callboard opens a link outside itself. */
export function createOpenExternal(shell: ShellLike, log: (msg: string, fields: Record<string, unknown>) => void) {
  return async (raw: unknown): Promise<boolean> => {
    const verdict = checkExternalUrl(raw)
    if (!verdict.allowed) {
      log('external link refused', { reason: verdict.reason, url: String(raw).slice(0, 200) })
      return false
    }
    await shell.openExternal(verdict.url)
    return true
  }
}

/**
 * A sign-in page Callboard may open: exactly the origin of the profile's own authorization
 * endpoint (its identity host, https), or, for an identity provider on this computer (the sandbox's,
 * a developer's), plain http on a loopback address. Nothing else, whatever the page asks for.
 */
export function checkSignInUrl(raw: string, authorizationEndpoint: string): LinkVerdict {
  let url: URL
  let expected: URL
  try {
    url = new URL(raw)
    expected = new URL(authorizationEndpoint)
  } catch {
    return { allowed: false, reason: 'not a valid URL' }
  }
  if (url.origin !== expected.origin || url.pathname !== expected.pathname) {
    return { allowed: false, reason: `not the profile's sign-in page (${expected.origin}${expected.pathname})` }
  }
  if (url.protocol === 'http:' && isLoopbackHost(url.hostname)) return { allowed: true, url: url.href }
  return checkExternalUrl(raw, [expected.hostname])
}

export const isLoopbackHost = (hostname: string): boolean =>
  hostname === '127.0.0.1' || hostname === 'localhost' || hostname === '[::1]'

/**
 * The system browser for a sign-in: only the page `checkSignInUrl` allows for the profile's
 * authorization endpoint. The one way a sign-in opens anything outside Callboard.
 */
export function createOpenSignInPage(shell: ShellLike, log: (msg: string, fields: Record<string, unknown>) => void) {
  return async (raw: string, authorizationEndpoint: string): Promise<void> => {
    const verdict = checkSignInUrl(raw, authorizationEndpoint)
    if (!verdict.allowed) {
      log('sign-in page refused', { reason: verdict.reason })
      throw new Error(`sign-in page refused: ${verdict.reason}`)
    }
    await shell.openExternal(verdict.url)
  }
}
