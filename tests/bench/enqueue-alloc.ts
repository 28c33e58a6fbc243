import { Session } from 'node:inspector/promises'

/** One node of V8's sampling heap profile (the inspector's SamplingHeapProfileNode). */
interface ProfileNode {
  selfSize: number
  children: ProfileNode[]
}

const totalOf = (node: ProfileNode): number => node.children.reduce((sum, child) => sum + totalOf(child), node.selfSize)

/**
 * Bytes allocated on the JavaScript heap while `run` runs, estimated by V8's sampling heap profiler
 * with every sample kept (including objects the young and old collectors already freed), so what
 * is counted is what was allocated, not what survived. The profiler scales each sample by its
 * probability, so the sum estimates the whole; a small interval keeps the estimate tight.
 */
export async function allocatedBytes(run: () => Promise<void>, samplingInterval = 128): Promise<number> {
  const session = new Session()
  session.connect()
  try {
    await session.post('HeapProfiler.enable')
    await session.post('HeapProfiler.startSampling', {
      samplingInterval,
      includeObjectsCollectedByMajorGC: true,
      includeObjectsCollectedByMinorGC: true,
    })
    await run()
    const { profile } = (await session.post('HeapProfiler.stopSampling')) as { profile: { head: ProfileNode } }
    return totalOf(profile.head)
  } finally {
    await session.post('HeapProfiler.disable').catch(() => undefined)
    session.disconnect()
  }
}
