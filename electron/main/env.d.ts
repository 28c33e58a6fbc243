/**
 * Whether the crash harness's named crash points (outbox/crash-points.ts) are compiled in. The app's
 * bundle defines it false (electron.vite.config.ts), so they are not in the packaged app at all; the
 * crash harness bundles its own child with it true. Undefined when the sources run as they are
 * (vitest, tsx), where the tests that kill children at those points need them.
 */
declare const __CRASH_POINTS__: boolean | undefined
