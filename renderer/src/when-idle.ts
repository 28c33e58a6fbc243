/** Runs `run` when the page is idle (within 5 s at the latest): work ahead of need, never in the way of input. */
export function whenIdle(run: () => void): void {
  if ('requestIdleCallback' in window) window.requestIdleCallback(run, { timeout: 5000 })
  else setTimeout(run, 0)
}
