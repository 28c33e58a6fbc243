/**
 * Named crash points for the crash harness (Q1). A child process started with
 * `CALLBOARD_CRASH_AT=<name>` kills itself with SIGKILL when it reaches that point, so nothing
 * after it runs: no `finally`, no flush, no exit handlers. `CALLBOARD_CRASH_HIT=<n>` (default 1)
 * picks the n-th time the point is reached. Without the variable this is a string comparison.
 *
 * They exist only for tests: the app's bundle is built with `__CRASH_POINTS__` false, so every
 * crash point is an empty call there and no environment variable can make the packaged app kill
 * itself (tests/build/main-bundle.test.ts checks the bundle).
 */
export type CrashPointName =
  | 'append:before-write'
  | 'append:after-write'
  | 'append:after-fsync'
  | 'compact:before-rename'
  | 'compact:after-rename'
  /** The `sending` record is durable; the request has not left. */
  | 'dispatch:after-sending-mark'
  /** The provider answered; its outcome is not recorded yet. */
  | 'dispatch:after-answer'

/** Compiled in unless the bundle says otherwise (see env.d.ts). */
const ENABLED = typeof __CRASH_POINTS__ === 'undefined' || __CRASH_POINTS__

const hits = new Map<string, number>()

export function crashPoint(name: CrashPointName): void {
  if (!ENABLED) return
  if (process.env['CALLBOARD_CRASH_AT'] !== name) return
  const hit = (hits.get(name) ?? 0) + 1
  hits.set(name, hit)
  const wanted = Number(process.env['CALLBOARD_CRASH_HIT'] ?? '1')
  if (hit !== wanted) return
  process.kill(process.pid, 'SIGKILL')
  // SIGKILL cannot be caught; block this thread until the kernel finishes the job.
  const cell = new Int32Array(new SharedArrayBuffer(4))
  for (;;) Atomics.wait(cell, 0, 0, 1000)
}
