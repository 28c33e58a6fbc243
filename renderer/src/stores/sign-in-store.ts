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

  /** Events seen per profile: a call's answer older than an event pushed meanwhile is not kept. */
  const pushed = new Map<string, number>()
  const keep = (result: Result<SignInStatus>): Result<SignInStatus> => {
    if (result.ok) statuses.set(result.value.profileId, result.value)
    return result
  }
  async function call(profileId: string, invoke: () => Promise<Result<SignInStatus>>) {
    const before = pushed.get(profileId) ?? 0
    const result = await invoke()
    // The device code, or the end of the sign-in, may already have been pushed: that is newer.
    return (pushed.get(profileId) ?? 0) === before ? keep(result) : result
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

  /** Without a method: the profile's first offered (a provider may offer a device code only). */
  const start = (profileId: string, method?: SignInMethod) =>
    call(profileId, () =>
      bridge.signin.start({ profileId, method: method ?? statuses.get(profileId)?.methods[0] ?? 'browser' }),
    )
  const cancel = (profileId: string) => call(profileId, () => bridge.signin.cancel({ profileId }))
  const signOut = (profileId: string) => call(profileId, () => bridge.signin.signOut({ profileId }))
  /** The profile changed (its sign-in method, its client id): read it again. */
  const forget = (profileId: string) => statuses.delete(profileId)

  bridge.signin.onChanged((status) => {
    pushed.set(status.profileId, (pushed.get(status.profileId) ?? 0) + 1)
    statuses.set(status.profileId, status)
  })
  // A profile saved with another sign-in method or client id: read each again when next shown.
  bridge.profiles.onChanged(() => statuses.clear())

  return { of, start, cancel, signOut, forget }
})
