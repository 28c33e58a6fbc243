import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { IpcError } from '@shared/ipc/result'
import type { ChoiceKind, ChoiceList } from '@shared/schemas/choices'
import { useBridge } from '../bridge'

const keyOf = (profileId: string, kind: ChoiceKind) => `${profileId}:${kind}`

/**
 * The provider lists the profile editor offers (main caches them on disk; this keeps the answers the
 * window already has, so every row of a list shares one). A list never blocks typing an id.
 */
export const useChoicesStore = defineStore('choices', () => {
  const bridge = useBridge()
  const lists = ref(new Map<string, ChoiceList>())
  const errors = ref(new Map<string, IpcError>())
  const loading = ref(new Set<string>())
  const running = new Map<string, Promise<void>>()
  /** Lists asked again once shown: a profile was saved (it may point elsewhere now). */
  const stale = new Set<string>()
  /** Counts profile changes, so the lines showing lists ask again. */
  const generation = ref(0)
  bridge.profiles.onChanged(() => {
    for (const key of lists.value.keys()) stale.add(key)
    generation.value++
  })

  function load(profileId: string, kind: ChoiceKind, refresh = false): Promise<void> {
    const key = keyOf(profileId, kind)
    const pending = running.get(key)
    if (pending) return pending
    if (!refresh && lists.value.has(key) && !stale.has(key)) return Promise.resolve()
    stale.delete(key)
    loading.value.add(key)
    const request = (async () => {
      const result = await bridge.choices.list({ profileId, kind, ...(refresh && { refresh }) })
      if (result.ok) {
        lists.value.set(key, result.value)
        errors.value.delete(key)
      } else {
        errors.value.set(key, result.error)
      }
    })().finally(() => {
      loading.value.delete(key)
      running.delete(key)
    })
    running.set(key, request)
    return request
  }

  return {
    load,
    generation,
    list: (profileId: string, kind: ChoiceKind) => lists.value.get(keyOf(profileId, kind)) ?? null,
    error: (profileId: string, kind: ChoiceKind) => errors.value.get(keyOf(profileId, kind)) ?? null,
    isLoading: (profileId: string, kind: ChoiceKind) => loading.value.has(keyOf(profileId, kind)),
  }
})
