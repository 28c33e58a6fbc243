/** The client names the task on the wire after the task's id (unique, safe to resend); this is a placeholder. */
export const TASK_NAME = 'Callboard broadcast'

/** A new voice broadcast's values: the form's start, and the quick entry's. */
export const voiceBroadcastDefaults = (profileId: string) => ({
  kind: 'broadcast' as const,
  provider: 'voice_broadcast' as const,
  profileId,
  taskName: TASK_NAME,
  numbers: [] as string[],
  text: '',
  loopCount: 1,
  maxCalls: 60,
  maxRingingTime: 60,
})
