import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type { IpcError, Result } from '@shared/ipc/result'
import type { ConnectionTestResult } from '@shared/schemas/connection-test'
import type { CredentialStatus, ProfileSummary, ProviderSecret } from '@shared/schemas/credentials'
import type { KeychainHealth } from '@shared/schemas/keychain'
import type { ProfileDraft } from '@shared/schemas/profiles'
import type { ProviderName } from '@shared/schemas/providers'
import { useBridge } from '../bridge'
import { takeEarly } from '../early-data'

const isKeychainError = (error: IpcError) => error.code === 'keychain_locked' || error.code === 'keychain_unavailable'

/**
 * Provider profiles with the state of their credentials, and the OS keychain's health. Secrets go
 * in through `setCredentials` and never come back: main only ever answers with a status.
 */
export const useProfilesStore = defineStore('profiles', () => {
  const bridge = useBridge()
  const summaries = ref<ProfileSummary[] | null>(null)
  const loadError = ref<IpcError | null>(null)
  const health = ref<KeychainHealth | null>(null)
  const healthError = ref<IpcError | null>(null)
  const checkingHealth = ref(false)

  /** Profiles of one provider, in the order main keeps them. */
  const byProvider = computed(() => {
    const groups = new Map<ProviderName, ProfileSummary[]>()
    for (const summary of summaries.value ?? []) {
      const list = groups.get(summary.profile.provider) ?? []
      list.push(summary)
      groups.set(summary.profile.provider, list)
    }
    return (provider: ProviderName) => groups.get(provider) ?? []
  })

  const find = (profileId: string) => summaries.value?.find((s) => s.profile.id === profileId) ?? null

  // Only the answer to the latest list request counts: an event can overtake an earlier call.
  let listRequest = 0
  async function refreshList(): Promise<void> {
    const request = ++listRequest
    const result = await (takeEarly('profiles') ?? bridge.profiles.list())
    if (request !== listRequest) return
    if (result.ok) {
      summaries.value = result.value
      loadError.value = null
    } else {
      loadError.value = result.error
    }
  }

  /** Probes the keychain now, then re-reads the credential badges, which depend on it. */
  async function checkKeychain(): Promise<void> {
    checkingHealth.value = true
    try {
      const result = await bridge.keychain.health()
      if (result.ok) {
        health.value = result.value
        healthError.value = null
        if (summaries.value !== null) await refreshList()
      } else {
        healthError.value = result.error
      }
    } finally {
      checkingHealth.value = false
    }
  }

  async function load(): Promise<void> {
    await Promise.all([refreshList(), checkKeychain()])
  }

  function upsert(summary: ProfileSummary): void {
    const list = summaries.value ?? []
    const at = list.findIndex((s) => s.profile.id === summary.profile.id)
    summaries.value = at >= 0 ? list.map((s, i) => (i === at ? summary : s)) : [...list, summary]
  }

  function setStatus(status: CredentialStatus): void {
    const current = find(status.profileId)
    if (current) upsert({ ...current, credentials: status })
  }

  async function save(draft: ProfileDraft): Promise<Result<ProfileSummary>> {
    const result = await bridge.profiles.save(draft)
    if (result.ok) upsert(result.value)
    return result
  }

  /** Resolves to the error main returned, or null when done. */
  async function afterCall<T>(result: Result<T>, apply: (value: T) => void): Promise<IpcError | null> {
    if (result.ok) {
      apply(result.value)
      return null
    }
    // The keychain changed under us: let the banner and the badges catch up.
    if (isKeychainError(result.error)) await checkKeychain()
    return result.error
  }

  async function remove(profileId: string): Promise<IpcError | null> {
    return afterCall(await bridge.profiles.remove({ profileId }), () => {
      summaries.value = (summaries.value ?? []).filter((s) => s.profile.id !== profileId)
    })
  }

  async function setCredentials(profileId: string, secret: ProviderSecret): Promise<IpcError | null> {
    return afterCall(await bridge.credentials.set({ profileId, secret }), setStatus)
  }

  async function clearCredentials(profileId: string): Promise<IpcError | null> {
    return afterCall(await bridge.credentials.clear({ profileId }), setStatus)
  }

  // Main announces every change to the profiles (from any window); the event carries no
  // credential states, so the list is read again.
  const unsubscribe = bridge.profiles.onChanged(() => void refreshList())

  /** One authenticated request to the profile's provider; the answer is for the card that asked. */
  async function testConnection(profileId: string): Promise<Result<ConnectionTestResult>> {
    return bridge.profiles.test({ profileId })
  }

  return {
    testConnection,
    summaries,
    loadError,
    health,
    healthError,
    checkingHealth,
    byProvider,
    find,
    load,
    refreshList,
    checkKeychain,
    save,
    remove,
    setCredentials,
    clearCredentials,
    unsubscribe,
  }
})
