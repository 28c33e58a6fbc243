/**
 * The window's first screen is ready when the current task's first field has the focus and takes
 * input. Everything that can wait (the queue's figures, the quick entry's parser) waits for this;
 * the bench measures navigation → this moment (`window_tti_ms`), read from the performance mark.
 */
export const FIRST_SCREEN_MARK = 'callboard:first-field-ready'

let resolveReady: () => void = () => undefined
const ready = new Promise<void>((resolve) => (resolveReady = resolve))
let done = false

export function firstScreenReady(): void {
  if (done) return
  done = true
  performance.mark(FIRST_SCREEN_MARK)
  resolveReady()
}

/** Resolves once the first screen is ready, or after `maxMs` if it never gets there (another view). */
export function whenFirstScreenReady(maxMs = 1500): Promise<void> {
  return Promise.race([ready, new Promise<void>((resolve) => setTimeout(resolve, maxMs))])
}

/** The task forms (rules, formats, pickers) are on screen: reported beside the first screen's time. */
export const FORMS_READY_MARK = 'callboard:forms-ready'
