import { mkdtempSync, rmSync } from 'node:fs'
import { Session } from 'node:inspector/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createTestServices } from '../main/test-app-services'
import { benchOutdials } from './enqueue-bench'

// Where an enqueue's allocation goes: the same enqueue as enqueue-bench.ts (the IPC handler path,
// the outbox, the journal with its fdatasync), warmed up the same way, then V8's sampling heap
// profile of 1,000 more, every sample kept, summed by call stack (the innermost frames). Run alone:
//   npx tsx tests/bench/enqueue-profile.ts        (DEPTH=5 frames per stack, TOP=50 stacks)
// Frames are the compiled code's (tsx): lines are those of the bundle, the function names tell.

interface ProfileNode {
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number }
  selfSize: number
  children: ProfileNode[]
}

const WARMUP = 4000
const SAMPLES = 1000
const depth = Number(process.env['DEPTH'] ?? 5)
const top = Number(process.env['TOP'] ?? 50)

const userDataDir = mkdtempSync(join(tmpdir(), 'callboard-bench-profile-'))
const { services } = await createTestServices({ userDataDir, sandbox: true, checkContract: false })
try {
  services.outbox!.pause()
  const outdial = benchOutdials(services.sandbox!.profiles())
  const enqueue = async (i: number) => {
    const intent = outdial(i)
    const answer = await services.dispatch('tasks:submit', { intent, confirmedRepeat: true })
    if (!answer.ok) throw new Error(`enqueue refused: ${answer.error.message.key}`)
  }
  for (let i = 0; i < WARMUP; i++) await enqueue(i)

  const session = new Session()
  session.connect()
  await session.post('HeapProfiler.enable')
  await session.post('HeapProfiler.startSampling', {
    samplingInterval: 64,
    includeObjectsCollectedByMajorGC: true,
    includeObjectsCollectedByMinorGC: true,
  })
  for (let i = 0; i < SAMPLES; i++) await enqueue(i)
  const { profile } = (await session.post('HeapProfiler.stopSampling')) as { profile: { head: ProfileNode } }
  session.disconnect()

  const frame = ({ functionName, url, lineNumber, columnNumber }: ProfileNode['callFrame']) =>
    `${functionName || '(anonymous)'} ${url.replace(/^.*\//, '')}:${lineNumber + 1}:${columnNumber + 1}`
  const bytesByStack = new Map<string, number>()
  let total = 0
  const walk = (node: ProfileNode, stack: string[]) => {
    const here = [frame(node.callFrame), ...stack].slice(0, depth)
    total += node.selfSize
    if (node.selfSize) {
      const key = here.join(' < ')
      bytesByStack.set(key, (bytesByStack.get(key) ?? 0) + node.selfSize)
    }
    for (const child of node.children) walk(child, here)
  }
  walk(profile.head, [])
  console.log(`allocated per enqueue: ${(total / SAMPLES / 1024).toFixed(2)} KB`)
  for (const [stack, bytes] of [...bytesByStack].sort((a, b) => b[1] - a[1]).slice(0, top)) {
    console.log(`${(bytes / SAMPLES).toFixed(0).padStart(6)} B  ${stack}`)
  }
} finally {
  await services.close()
  rmSync(userDataDir, { recursive: true, force: true })
}
