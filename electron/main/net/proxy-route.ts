import { getProxyForUrl } from 'proxy-from-env'

// One proxy decision for every provider request main makes (the node:http transport, fetch, the
// AWS SDK): "which proxy for this URL". In the app the operating system decides (Electron's
// `session.resolveProxy`, which runs PAC and WPAD); in the harness and the tests the standard
// HTTPS_PROXY / HTTP_PROXY / NO_PROXY variables do; an administrator's policy may name one proxy
// for everything instead.

/** Where one request goes first: straight to the provider, or through an HTTP proxy (URL with optional Basic credentials). */
export type ProxyRoute = { kind: 'direct' } | { kind: 'proxy'; proxy: URL }

/** The port every request asks before it connects. */
export type ProxyResolver = (url: string) => Promise<ProxyRoute>

export const DIRECT: ProxyRoute = { kind: 'direct' }

/**
 * Loopback is never proxied (the built-in sandbox's simulators listen there), as Chromium never
 * sends loopback through a proxy either.
 */
export function isLoopback(url: string): boolean {
  let host: string
  try {
    host = new URL(url).hostname.replace(/^\[|\]$/g, '').toLowerCase()
  } catch {
    return false
  }
  return host === 'localhost' || host.endsWith('.localhost') || host === '::1' || /^127\./.test(host)
}

/** A proxy address as a URL, or null when it is not an http(s) proxy we can speak to. */
function proxyUrl(text: string): URL | null {
  try {
    const url = new URL(text.includes('://') ? text : `http://${text}`)
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : null
  } catch {
    return null
  }
}

/**
 * A PAC-style answer ("PROXY proxy.corp:8080; HTTPS secure.corp:443; DIRECT"), as Electron's
 * `resolveProxy` gives it, → the first entry we can use. SOCKS entries are skipped (Callboard
 * speaks to HTTP proxies only); an answer with nothing usable is DIRECT. Pure.
 */
export function parsePacAnswer(answer: string): ProxyRoute {
  for (const entry of answer.split(';')) {
    const [kind = '', where = ''] = entry.trim().split(/\s+/)
    const type = kind.toUpperCase()
    if (type === 'DIRECT') return DIRECT
    if ((type === 'PROXY' || type === 'HTTP' || type === 'HTTPS') && where) {
      const url = proxyUrl(`${type === 'HTTPS' ? 'https' : 'http'}://${where}`)
      if (url) return { kind: 'proxy', proxy: url }
    }
  }
  return DIRECT
}

/**
 * The harness's and tests' resolver: HTTPS_PROXY / HTTP_PROXY / ALL_PROXY and NO_PROXY (either
 * case), read by `proxy-from-env` when asked, so a variable set later is honoured. Credentials in
 * the proxy URL (`http://user:pass@proxy:3128`) are sent as Basic proxy authentication.
 */
export const envProxyResolver: ProxyResolver = async (url) => {
  if (isLoopback(url)) return DIRECT
  const found = getProxyForUrl(url)
  const proxy = found ? proxyUrl(found) : null
  return proxy ? { kind: 'proxy', proxy } : DIRECT
}

/** The app's resolver: the OS's configuration (system proxy, PAC, WPAD) as Chromium's network stack reads it. */
export function systemProxyResolver(resolveProxy: (url: string) => Promise<string>): ProxyResolver {
  return async (url) => (isLoopback(url) ? DIRECT : parsePacAnswer(await resolveProxy(url)))
}

/** An administrator's proxy (policy `proxy`): every request but loopback and the bypass list goes through it. */
export interface ExplicitProxy {
  /** `http://proxy.corp:8080`, or `direct` to ignore the OS's configuration. */
  url: string
  /** Hosts that go direct, NO_PROXY style (`.corp.example`, `intranet:8443`). */
  bypass?: string[]
}

/** Whether `url`'s host is in a NO_PROXY-style list (suffix match, optional port). Pure. */
export function bypasses(url: string, list: readonly string[]): boolean {
  const target = new URL(url)
  const host = target.hostname.toLowerCase()
  const port = target.port || (target.protocol === 'https:' ? '443' : '80')
  return list.some((raw) => {
    const rule = raw.trim().toLowerCase()
    if (!rule) return false
    if (rule === '*') return true
    const [ruleHost = '', rulePort] = rule.split(/:(?=\d+$)/)
    if (rulePort && rulePort !== port) return false
    const bare = ruleHost.replace(/^\*?\./, '')
    return host === bare || host.endsWith(`.${bare}`)
  })
}

/**
 * The policy's proxy in place of the OS's, with credentials added by `credentialsFor` (a policy
 * never carries a password).
 */
export function explicitProxyResolver(explicit: ExplicitProxy): ProxyResolver {
  const proxy = explicit.url === 'direct' ? null : proxyUrl(explicit.url)
  return async (url) => {
    if (!proxy || isLoopback(url) || bypasses(url, explicit.bypass ?? [])) return DIRECT
    return { kind: 'proxy', proxy: new URL(proxy) }
  }
}

/**
 * Basic credentials for a proxy the OS or the policy names (neither carries them): the user and
 * password of the HTTPS_PROXY / HTTP_PROXY variable that names the same host and port, the one
 * place command-line tools already keep them. A route that already has credentials keeps them.
 */
export function withEnvCredentials(resolve: ProxyResolver, env: NodeJS.ProcessEnv = process.env): ProxyResolver {
  return async (url) => {
    const route = await resolve(url)
    if (route.kind === 'direct' || route.proxy.username) return route
    for (const name of ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy', 'ALL_PROXY', 'all_proxy']) {
      const candidate = env[name] ? proxyUrl(env[name]) : null
      if (candidate?.username && candidate.host === route.proxy.host) {
        const proxy = new URL(route.proxy)
        proxy.username = candidate.username
        proxy.password = candidate.password
        return { kind: 'proxy', proxy }
      }
    }
    return route
  }
}
