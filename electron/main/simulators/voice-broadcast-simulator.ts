import { createHash } from 'node:crypto'
import { VoiceBroadcastSend } from '@shared/schemas/wire/voice-broadcast'
import type { RunningSimulator, SimResponse } from './loopback-server'
import { startLoopbackServer } from './loopback-server'

export interface VoiceBroadcastSimulatorOptions {
  apiKey: string
  apiSecret: string
  /** How far the Timestamp header may be from the simulator's clock. */
  maxSkewS?: number
  /** The simulator's clock offset from this machine's, to play a provider whose clock differs. */
  clockOffsetMs?: number
  /** The two documented envelopes: `{status, reason}` or `{code, msg}`. */
  envelope?: 'status' | 'code'
  /** Answer -2 (IP restricted) to everyone. */
  ipRestricted?: boolean
}

/** What `POST …/voice/group/call/send` does instead of its normal work, after the signature checks. */
export type VoiceBroadcastFault =
  /** Answer this HTTP status (with Retry-After seconds if given), creating nothing. */
  | { kind: 'status'; status: number; retryAfterSeconds?: number; times?: number }
  /** Answer HTTP 200 with this business code, creating nothing. */
  | { kind: 'code'; code: string; text?: string; times?: number }
  /** Create the task, then destroy the socket without answering (the answer is lost). */
  | { kind: 'dropAfterBody'; times?: number }

export interface VoiceBroadcastTask {
  /** The jobId answered as `data`. */
  id: number
  taskName: string
  /** The callee numbers, from numberList or numberInfoList. */
  numbers: string[]
}

export interface VoiceBroadcastSimulator extends RunningSimulator {
  ledger: { path: string; verdict: string }[]
  /** Tasks created by `…/voice/group/call/send`, in order. */
  tasks: VoiceBroadcastTask[]
  /** Tasks created per taskName (the platform refuses a second one, so at most 1). */
  effects: Map<string, number>
  /** Set (or clear with null) a fault for the send endpoint; `times` limits it, else it stays. */
  setFault(fault: VoiceBroadcastFault | null): void
}

const SEND_PATH = /\/voice\/group\/call\/send$/

/** The ITNIO-family voice API: header signature and timestamp checks, then the detail endpoint. */
export async function startVoiceBroadcastSimulator(
  options: VoiceBroadcastSimulatorOptions,
): Promise<VoiceBroadcastSimulator> {
  const ledger: VoiceBroadcastSimulator['ledger'] = []
  const tasks: VoiceBroadcastTask[] = []
  const effects = new Map<string, number>()
  let fault: VoiceBroadcastFault | null = null
  let nextJobId = 1001
  /** The fault for this request, counting down `times`. */
  const takeFault = (): VoiceBroadcastFault | null => {
    const current = fault
    if (current && current.times !== undefined) {
      if (current.times <= 1) fault = null
      else fault = { ...current, times: current.times - 1 }
    }
    return current
  }
  const reply = (path: string, verdict: string, code: string, text: string, data: unknown = null) => {
    ledger.push({ path, verdict })
    const body = options.envelope === 'code' ? { code, msg: text, data } : { status: code, reason: text, data }
    return { status: 200, body }
  }
  const server = await startLoopbackServer(({ url, headers, method, body, socket }): SimResponse | null => {
    const path = url.pathname
    if (!/\/voice\//.test(path)) return { status: 404, body: 'Not Found' }
    const key = String(headers['api-key'] ?? '')
    const timestamp = String(headers['timestamp'] ?? '')
    const sign = String(headers['sign'] ?? '').toLowerCase()
    if (key !== options.apiKey) return reply(path, 'unknown_key', '-1', 'authentication error')
    const expected = createHash('md5').update(`${options.apiKey}${options.apiSecret}${timestamp}`).digest('hex')
    if (sign !== expected) return reply(path, 'bad_sign', '-1', 'authentication error')
    const now = (Date.now() + (options.clockOffsetMs ?? 0)) / 1000
    if (!/^\d+$/.test(timestamp) || Math.abs(now - Number(timestamp)) > (options.maxSkewS ?? 60)) {
      return reply(path, 'stale_timestamp', '-16', 'timestamp expires')
    }
    if (options.ipRestricted) return reply(path, 'ip_restricted', '-2', 'IP restricted')
    if (method === 'POST' && SEND_PATH.test(path)) {
      const current = takeFault()
      if (current?.kind === 'status') {
        ledger.push({ path, verdict: `status_${current.status}` })
        return {
          status: current.status,
          headers:
            current.retryAfterSeconds !== undefined
              ? { 'retry-after': String(current.retryAfterSeconds) }
              : ({} as Record<string, string>),
          body: `simulated HTTP ${current.status}`,
        }
      }
      if (current?.kind === 'code') return reply(path, `code_${current.code}`, current.code, current.text ?? 'error')
      let json: unknown
      try {
        json = JSON.parse(body.toString('utf8'))
      } catch {
        return reply(path, 'invalid', '-22', 'parameter error: the body is not JSON')
      }
      const parsed = VoiceBroadcastSend.safeParse(json)
      if (!parsed.success) {
        const issue = parsed.error.issues[0]
        const where = issue?.path.length ? `${issue.path.join('.')}: ` : ''
        return reply(path, 'invalid', '-22', `parameter error: ${where}${issue?.message ?? 'invalid'}`)
      }
      const request = parsed.data
      const existing = tasks.find((t) => t.taskName === request.taskName)
      if (existing) return reply(path, 'duplicate', '-20', 'data already exists', existing.id)
      const task: VoiceBroadcastTask = {
        id: nextJobId++,
        taskName: request.taskName,
        numbers: 'numberInfoList' in request ? request.numberInfoList.map((n) => n.calleeNumber) : request.numberList,
      }
      tasks.push(task)
      effects.set(task.taskName, (effects.get(task.taskName) ?? 0) + 1)
      if (current?.kind === 'dropAfterBody') {
        ledger.push({ path, verdict: 'dropped' })
        socket.destroy()
        return null
      }
      return reply(path, 'created', '0', 'success', task.id)
    }
    if (/\/voice\/group\/call\/detail\/\d+$/.test(path))
      return reply(path, 'no_such_task', '-24', 'data does not exist')
    return reply(path, 'unknown_path', '-22', 'parameter error')
  })
  return {
    ...server,
    ledger,
    tasks,
    effects,
    setFault(next) {
      fault = next
    },
  }
}
