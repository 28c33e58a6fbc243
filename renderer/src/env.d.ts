/// <reference types="vite/client" />
import type { CallboardApi } from '@shared/ipc/bridge'

declare global {
  interface Window {
    /** Set by the Electron preload, or by the browser harness's bridge script. */
    readonly callboard?: CallboardApi
  }
}

declare module '*.vue' {
  import type { DefineComponent } from 'vue'
  const component: DefineComponent<object, object, unknown>
  export default component
}
