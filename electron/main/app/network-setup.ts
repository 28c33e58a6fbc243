import type { PolicyProxy } from '@shared/schemas/policy'
import type { Logger } from '../core/logger'
import { wireNetwork } from '../net/network-wiring'
import type { ProxyResolver } from '../net/proxy-route'
import { routedFetch } from '../net/routed-fetch'
import { createProxySignIns } from '../net/proxy-sign-in'
import type { SecretStore } from '../secrets/secret-store'

/**
 * This process's network, set once: the OS's certificates and the one proxy decision (with the
 * agent's stored proxy sign-ins), and the fetch every provider request of the app goes through.
 */
export function setUpNetwork(deps: {
  secrets: SecretStore
  policyProxy: PolicyProxy | undefined
  systemProxy?: ProxyResolver
  /** A test's own fetch instead of the routed one. */
  fetch?: typeof fetch
  logger: Logger
}) {
  const proxySignIns = createProxySignIns({ secrets: deps.secrets, logger: deps.logger.child('proxy') })
  wireNetwork({
    policyProxy: deps.policyProxy,
    systemProxy: deps.systemProxy,
    proxySignIns,
    logger: deps.logger.child('network'),
  })
  return { proxySignIns, fetch: deps.fetch ?? routedFetch() }
}
