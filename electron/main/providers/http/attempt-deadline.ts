/**
 * One request's hard time limit, as a signal that fires. `AbortSignal.timeout()` combined through
 * `AbortSignal.any()` is held only weakly and can be garbage collected before it fires
 * (nodejs/node#57736): an attempt then waits until the server closes the socket, minutes later.
 * Here the timer is an ordinary `setTimeout` that keeps the controller alive for the attempt's
 * life, and is cleared as soon as the attempt ends.
 */
export interface AttemptDeadline {
  /** Aborts at the limit (a `TimeoutError`) or when the caller's signal does (its reason). */
  readonly signal: AbortSignal
  /** Stops the timer and lets go of the caller's signal; call once the attempt has ended. */
  dispose(): void
}

export function attemptDeadline(parent: AbortSignal, timeoutMs: number): AttemptDeadline {
  const controller = new AbortController()
  const follow = () => controller.abort(parent.reason)
  const timer = setTimeout(
    () => controller.abort(new DOMException(`No answer within ${timeoutMs} ms.`, 'TimeoutError')),
    timeoutMs,
  )
  if (parent.aborted) follow()
  else parent.addEventListener('abort', follow, { once: true })
  return {
    signal: controller.signal,
    dispose() {
      clearTimeout(timer)
      parent.removeEventListener('abort', follow)
    },
  }
}

/** Runs `work` under a deadline of `timeoutMs` (and the caller's signal), disposed when it settles. */
export async function withDeadline<T>(
  parent: AbortSignal,
  timeoutMs: number,
  work: (signal: AbortSignal) => Promise<T>,
): Promise<T> {
  const deadline = attemptDeadline(parent, timeoutMs)
  try {
    return await work(deadline.signal)
  } finally {
    deadline.dispose()
  }
}
