import { defineStore } from 'pinia'
import { reactive } from 'vue'
import type { Result } from '@shared/ipc/result'
import type { SignInMethod, SignInStatus } from '@shared/schemas/sign-in'
import { useBridge } from '../bridge'

/**
 * Who is signed in on each profile that signs in through its identity provider, and the sign-ins
 * under way. Main answers with `SignInStatus` only (never a token) and pushes every change.
 */
export const useSignInStore = defineStore('sign-in', () => {
  const bridge = useBridge()
  const statuses = reactive(new Map<string, SignInStatus>())
  const loading = new Set<string>()

  const keep = (result: Result<SignInStatus>): Result<SignInStatus> => {
    if (result.ok) statuses.set(result.value.profileId, result.value)
    return result
  }

  /** The profile's sign-in as last known; asks main the first time. */
  function of(profileId: string): SignInStatus | null {
    if (!statuses.has(profileId) && !loading.has(profileId)) {
      loading.add(profileId)
      void bridge.signin
        .status({ profileId })
        .then(keep)
        .finally(() => loading.delete(profileId))
    }
    return statuses.get(profileId) ?? null
  }

  const start = async (profileId: string, method: SignInMethod = 'browser') =>
    keep(await bridge.signin.start({ profileId, method }))
  const cancel = async (profileId: string) => keep(await bridge.signin.cancel({ profileId }))
  const signOut = async (profileId: string) => keep(await bridge.signin.signOut({ profileId }))
  /** The profile changed (its sign-in method, its client id): read it again. */
  const forget = (profileId: string) => statuses.delete(profileId)

  bridge.signin.onChanged((status) => statuses.set(status.profileId, status))
  // A profile saved with another sign-in method or client id: read each again when next shown.
  bridge.profiles.onChanged(() => statuses.clear())

  return { of, start, cancel, signOut, forget }
})
