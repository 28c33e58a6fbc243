import type { InvokeHandlers } from '@shared/ipc/contract'
import type { ProxySignIns } from './proxy-sign-in'

/** Settings' "Proxy sign-in": its state (never the password), store one, remove one. */
export const proxySignInHandlers = (
  signIns: ProxySignIns,
  /** A sign-in changed: tasks parked on the proxy's refusal try again now. */
  changed: () => void,
): InvokeHandlers<'proxy:state' | 'proxy:setSignIn' | 'proxy:clearSignIn'> => ({
  'proxy:state': () => signIns.state(),
  'proxy:setSignIn': async (input) => {
    const state = await signIns.set(input)
    changed()
    return state
  },
  'proxy:clearSignIn': ({ proxy }) => signIns.clear(proxy),
})
