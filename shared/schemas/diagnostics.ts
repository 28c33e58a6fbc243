import { z } from 'zod'

/** "Export diagnostics": customer numbers only when the agent ticks the box. */
export const ExportDiagnostics = z.object({ includeNumbers: z.boolean() }).strict()
export type ExportDiagnostics = z.infer<typeof ExportDiagnostics>

/** Where the file was written, to tell the agent (and attach to a ticket). */
export const DiagnosticsFile = z.object({ path: z.string(), bytes: z.int().nonnegative() }).strict()
export type DiagnosticsFile = z.infer<typeof DiagnosticsFile>
