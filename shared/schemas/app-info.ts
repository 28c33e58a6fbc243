import { z } from 'zod'

export const AppInfo = z
  .object({
    name: z.string(),
    version: z.string(),
    platform: z.string(),
    arch: z.string(),
    /** `electron` in the desktop app, `harness` when the renderer runs in a browser for tests. */
    runtime: z.enum(['electron', 'harness']),
    electronVersion: z.string().nullable(),
  })
  .strict()
export type AppInfo = z.infer<typeof AppInfo>
