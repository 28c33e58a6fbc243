import type { PolicyProxy } from '@shared/schemas/policy'
import type { Logger } from '../core/logger'
import { useProxyResolver } from './network'
import type { ProxyResolver } from './proxy-route'
import { envProxyResolver, explicitProxyResolver, withEnvCredentials } from './proxy-route'
import type { ProxySignIns } from './proxy-sign-in'
import { trustSystemCertificates } from './system-certificates'

/**
 * The network every provider request of this process uses, set once at start: the OS's
 * certificate store trusted beside the bundled roots, and the one proxy decision (the policy's
 * proxy, else the OS's, else the environment's), with Basic credentials from the environment's
 * proxy URL for the proxy it names, else the sign-in the agent stored for that proxy.
 */
export function wireNetwork(deps: {
  policyProxy: PolicyProxy | undefined
  systemProxy?: ProxyResolver
  /** The proxy sign-ins the agent stored in Settings, sent to the proxy each belongs to. */
  proxySignIns?: ProxySignIns
  logger: Logger
}) {
  const { logger } = deps
  try {
    const trusted = trustSystemCertificates()
    logger.info('certificates: bundled roots and the system store trusted', trusted)
  } catch (error) {
    // A runtime without Node 24's certificate API: the bundled roots alone, and the log says so.
    logger.error('the system certificate store could not be read', { error: String(error) })
  }
  const base = deps.policyProxy ? explicitProxyResolver(deps.policyProxy) : (deps.systemProxy ?? envProxyResolver)
  const withEnv = withEnvCredentials(base)
  useProxyResolver(deps.proxySignIns ? deps.proxySignIns.withStoredSignIn(withEnv) : withEnv)
  logger.info('proxy decision', {
    from: deps.policyProxy ? 'policy' : deps.systemProxy ? 'system' : 'environment',
    // The address only: a proxy URL in the environment may hold a password.
    policyProxy: deps.policyProxy ? deps.policyProxy.url : null,
  })
}
