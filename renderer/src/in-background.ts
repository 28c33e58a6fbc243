/**
 * Runs small jobs on the page's thread a slice at a time: each slice runs jobs until `sliceMs` has
 * passed, then gives the thread back (a new task) so input, rendering and loading go first. Unlike
 * idle callbacks, slices also run while the page keeps loading: the window's task forms load for
 * half a second after its first screen, and work left for idle time (History's formats and
 * messages, one 100–250 ms task) was then still undone when the agent opened History, and ran in
 * its way. One job is never split: a job should take a few milliseconds at most.
 */
export function inBackground(
  jobs: Iterable<() => void>,
  sliceMs = 8,
  now: () => number = () => performance.now(),
): Promise<void> {
  const pending = jobs[Symbol.iterator]()
  return new Promise((resolve, reject) => {
    const slice = () => {
      try {
        const start = now()
        for (;;) {
          const next = pending.next()
          if (next.done) return resolve()
          next.value()
          if (now() - start >= sliceMs) break
        }
        setTimeout(slice, 0)
      } catch (cause) {
        reject(cause instanceof Error ? cause : new Error(String(cause)))
      }
    }
    setTimeout(slice, 0)
  })
}
