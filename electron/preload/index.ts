import { contextBridge, ipcRenderer } from 'electron'
import type { IpcRendererEvent } from 'electron'
import { createBridge } from '@shared/ipc/bridge'
import type { Result } from '@shared/ipc/result'

// The page gets fixed methods only (callboard.settings.get(), …); ipcRenderer itself and any
// generic invoke/send/on never cross the context bridge.
contextBridge.exposeInMainWorld(
  'callboard',
  createBridge({
    invoke: (channel, input) => ipcRenderer.invoke(channel, input) as Promise<Result<unknown>>,
    subscribe(channel, listener) {
      const forward = (_event: IpcRendererEvent, payload: unknown) => listener(payload)
      ipcRenderer.on(channel, forward)
      return () => {
        ipcRenderer.removeListener(channel, forward)
      }
    },
  }),
)
