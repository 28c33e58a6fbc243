import type { ProxyResolver, ProxyRoute } from './proxy-route'
import { envProxyResolver } from './proxy-route'

// The process's one proxy decision. The composition root sets it once at start (the OS's
// configuration in the app, the policy's proxy when there is one); until then, and in the harness
// and the tests, the environment's variables decide. Every request path (the node:http transport,
// fetch, the AWS SDK's agent) asks `proxyFor` for each request, so no client can forget it.

let current: ProxyResolver = envProxyResolver
/** Every proxy user name and password used so far: the one redaction hides them. */
const credentials = new Set<string>()

/** From now on every provider request asks `resolver`. */
export function useProxyResolver(resolver: ProxyResolver): void {
  current = resolver
}

/** Which proxy (or none) a request to `url` goes through. */
export async function proxyFor(url: string): Promise<ProxyRoute> {
  const route = await current(url)
  if (route.kind === 'proxy')
    hideProxySecrets(decodeURIComponent(route.proxy.username), decodeURIComponent(route.proxy.password))
  return route
}

/** Proxy credentials known to this process (used, or read from the keychain): hidden from then on. */
export function hideProxySecrets(...parts: string[]): void {
  for (const part of parts) if (part) credentials.add(part)
}

/** The proxy credentials this process has used: secrets like any profile's (logs, outcomes, diagnostics). */
export function proxySecrets(): string[] {
  return [...credentials]
}
