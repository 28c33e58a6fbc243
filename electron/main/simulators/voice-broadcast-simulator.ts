import { createHash } from 'node:crypto'
import type { RunningSimulator } from './loopback-server'
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

export interface VoiceBroadcastSimulator extends RunningSimulator {
  ledger: { path: string; verdict: string }[]
}

/** The ITNIO-family voice API: header signature and timestamp checks, then the detail endpoint. */
export async function startVoiceBroadcastSimulator(
  options: VoiceBroadcastSimulatorOptions,
): Promise<VoiceBroadcastSimulator> {
  const ledger: VoiceBroadcastSimulator['ledger'] = []
  const reply = (path: string, verdict: string, code: string, text: string, data: unknown = null) => {
    ledger.push({ path, verdict })
    const body = options.envelope === 'code' ? { code, msg: text, data } : { status: code, reason: text, data }
    return { status: 200, body }
  }
  const server = await startLoopbackServer(({ url, headers }) => {
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
    if (/\/voice\/group\/call\/detail\/\d+$/.test(path))
      return reply(path, 'no_such_task', '-24', 'data does not exist')
    return reply(path, 'unknown_path', '-22', 'parameter error')
  })
  return { ...server, ledger }
}
