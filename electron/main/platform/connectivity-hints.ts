/** The parts of Electron that hint at connectivity; passed in so tests can hand over fakes. */
export interface HintSources {
  powerMonitor: { on(event: 'resume' | 'unlock-screen', listener: () => void): unknown }
  net: { isOnline(): boolean }
}

export interface HintTimers {
  setInterval(fn: () => void, ms: number): unknown
  clearInterval(handle: unknown): void
}

/**
 * Turns what the OS says into hints for the outbox: the machine woke up, the screen was unlocked,
 * or the network came back. A hint never marks a provider reachable; it only makes lanes that
 * were offline or down try their next request now (a provider is back when a request to it
 * succeeds). Going offline is not a hint: the lanes learn that from their own failures.
 * Electron's main process has no online event, so `net.isOnline()` is polled.
 */
export function watchConnectivityHints(
  sources: HintSources,
  onHint: (reason: 'resume' | 'unlock' | 'online') => void,
  options: { pollMs?: number; timers?: HintTimers } = {},
): () => void {
  const timers: HintTimers = options.timers ?? {
    setInterval: (fn, ms) => setInterval(fn, ms),
    clearInterval: (handle) => clearInterval(handle as ReturnType<typeof setInterval>),
  }
  let stopped = false
  sources.powerMonitor.on('resume', () => !stopped && onHint('resume'))
  sources.powerMonitor.on('unlock-screen', () => !stopped && onHint('unlock'))
  let online = sources.net.isOnline()
  const poll = timers.setInterval(() => {
    const now = sources.net.isOnline()
    if (now && !online && !stopped) onHint('online')
    online = now
  }, options.pollMs ?? 3000)
  return () => {
    stopped = true
    timers.clearInterval(poll)
  }
}
