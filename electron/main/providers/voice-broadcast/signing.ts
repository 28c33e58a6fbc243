import { createHash } from 'node:crypto'

/**
 * The voice-broadcast platform's request headers: `Sign` = md5(key + secret + timestamp), the
 * timestamp in Unix seconds. There is no body signing.
 */
export function voiceBroadcastHeaders(apiKey: string, apiSecret: string, now: Date): Record<string, string> {
  const timestamp = String(Math.floor(now.getTime() / 1000))
  return {
    'Content-Type': 'application/json;charset=UTF-8',
    'Api-Key': apiKey,
    Timestamp: timestamp,
    Sign: createHash('md5').update(`${apiKey}${apiSecret}${timestamp}`).digest('hex'),
  }
}

/** Both documented envelopes: `{status, reason, data}` and `{code, msg, data}`. */
export function readEnvelope(body: unknown): { code: string; text: string; data: unknown } | null {
  if (typeof body !== 'object' || body === null) return null
  const b = body as Record<string, unknown>
  const code = b['status'] ?? b['code']
  if (code === undefined || code === null) return null
  const text = b['reason'] ?? b['msg'] ?? ''
  return { code: String(code), text: String(text), data: b['data'] }
}
