import { reactive } from 'vue'

/**
 * What the agent typed (and whether they pressed Enter) in the number field shown while the task
 * forms load: at start the window offers the field at once, and the outdial form takes over what
 * was typed, with the caret where it was, and queues it if Enter was already pressed.
 */
export const earlyNumber = reactive({ text: '', submitted: false, caret: 0 })

/** Taken once by the outdial form when it mounts. */
export function takeEarlyNumber(): { text: string; submitted: boolean; caret: number } {
  const taken = { ...earlyNumber }
  earlyNumber.text = ''
  earlyNumber.submitted = false
  earlyNumber.caret = 0
  return taken
}
