import { z } from 'zod'

/**
 * The quick tasks: one tab each in the window, one kind of intent each. Apart from the intents
 * (shared/schemas/intents.ts) because the provider modules name their kinds and the intent unions
 * are built from those modules.
 */
export const TaskKind = z.enum(['outdial', 'callback', 'followUp', 'broadcast'])
export type TaskKind = z.infer<typeof TaskKind>
