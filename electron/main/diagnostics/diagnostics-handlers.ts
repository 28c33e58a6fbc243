import type { InvokeHandlers } from '@shared/ipc/contract'
import type { DiagnosticsSources } from './diagnostics-export'
import { exportDiagnostics } from './diagnostics-export'

/** "Export diagnostics", as the contract offers it: one file written to `dir`. */
export const diagnosticsHandlers = (
  sources: DiagnosticsSources,
  dir: string,
): InvokeHandlers<'diagnostics:export'> => ({
  'diagnostics:export': (options) => exportDiagnostics(sources, dir, options),
})
