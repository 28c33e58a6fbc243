import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { IpcError } from '@shared/ipc/result'
import type { AppInfo } from '@shared/schemas/app-info'
import { useBridge } from '../bridge'

export const useAppStore = defineStore('app', () => {
  const bridge = useBridge()
  const info = ref<AppInfo | null>(null)
  const error = ref<IpcError | null>(null)

  async function load(): Promise<void> {
    const result = await bridge.app.info()
    if (result.ok) info.value = result.value
    else error.value = result.error
  }

  return { info, error, load }
})
