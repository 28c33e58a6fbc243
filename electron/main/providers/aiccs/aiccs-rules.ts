// CreateAiCallTask's parameter rules as the simulated gateway judges them, written out by hand from the
// AICCS page (seed 003, English) and providers.md §4. Deliberately independent of the app's zod
// schema: the simulator is the second opinion the schema is tested against. Everything arrives as
// a query string; array parameters are JSON strings (the SDK's "json" style), and every CallTime item
// is itself a JSON string `{"startTime":"HH:mm:ss","endTime":"HH:mm:ss"}`.

export interface AiccsRuleError {
  code: 'MissingParameter' | 'InvalidParameter'
  message: string
}

const DAYS = new Set(['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'])
const RETRY_REASONS = new Set([
  'CALL_REJECTED',
  'USER_BUSY',
  'SUSPEND',
  'INVALID_NUMBER',
  'POWERED_OFF',
  'NETWORK_BUSY',
  'NO_ANSWER',
])
/**
 * [C] The English Create page (the seed) says 720 minutes, the Update pages 120. The simulator
 * allows the seed's 720; the app's schema keeps to 120, so what it sends passes either way.
 */
const CALL_RETRY_INTERVAL_MAX = 720
const CLOCK = /^([01]\d|2[0-3]):[0-5]\d:[0-5]\d$/

const missing = (name: string): AiccsRuleError => ({
  code: 'MissingParameter',
  message: `The input parameter "${name}" that is mandatory for processing this request is not supplied.`,
})
const invalid = (name: string): AiccsRuleError => ({
  code: 'InvalidParameter',
  message: `The specified parameter "${name}" is not valid.`,
})

/** A JSON array of strings (how the SDK sends array parameters), or null. */
function stringArray(raw: string): string[] | null {
  try {
    const value: unknown = JSON.parse(raw)
    return Array.isArray(value) && value.every((v) => typeof v === 'string') ? value : null
  } catch {
    return null
  }
}

function validWindow(item: string): boolean {
  try {
    const window = JSON.parse(item) as { startTime?: unknown; endTime?: unknown } | null
    if (!window || typeof window !== 'object') return false
    const { startTime, endTime } = window
    return (
      typeof startTime === 'string' &&
      typeof endTime === 'string' &&
      CLOCK.test(startTime) &&
      CLOCK.test(endTime) &&
      startTime < endTime
    )
  } catch {
    return false
  }
}

const integerAtMost = (raw: string | undefined, max: number) =>
  raw === undefined || (/^\d+$/.test(raw) && Number(raw) <= max)

/**
 * The first problem with a CreateAiCallTask's parameters, in the gateway's words, or null. `nowMs`
 * is the service's clock: a scheduled start must be later.
 */
export function checkCreateAiCallTask(p: Record<string, string>, nowMs: number): AiccsRuleError | null {
  // [C] The seed marks AgentId and VirtualNumber required; the newest SDK model does not. The seed wins.
  for (const name of ['TaskName', 'AgentId', 'VirtualNumber', 'StartType', 'CallTime', 'CallDay']) {
    // Blank counts as not supplied.
    if (!p[name]?.trim()) return missing(name)
  }
  const startType = p['StartType']
  if (startType !== 'IMMEDIATE' && startType !== 'SCHEDULE') return invalid('StartType')
  const start = p['TaskStartTime']
  if (startType === 'SCHEDULE' && !start) return missing('TaskStartTime')
  // Milliseconds since the epoch; "used only when StartType is SCHEDULE", so only then judged in time.
  if (start !== undefined && !/^\d{1,16}$/.test(start)) return invalid('TaskStartTime')
  if (startType === 'SCHEDULE' && Number(start) <= nowMs) return invalid('TaskStartTime')

  const windows = stringArray(p['CallTime']!)
  if (!windows || windows.length === 0 || !windows.every(validWindow)) return invalid('CallTime')
  const days = stringArray(p['CallDay']!)
  if (!days || days.length === 0 || !days.every((d) => DAYS.has(d))) return invalid('CallDay')

  const retry = p['MissCallRetry']
  if (retry !== undefined && retry !== 'true' && retry !== 'false') return invalid('MissCallRetry')
  if (p['CallRetryReason'] !== undefined) {
    const reasons = stringArray(p['CallRetryReason'])
    if (!reasons || !reasons.every((r) => RETRY_REASONS.has(r))) return invalid('CallRetryReason')
  }
  const caps: [string, number][] = [
    ['CallRetryTimes', 3],
    ['CallRetryInterval', CALL_RETRY_INTERVAL_MAX],
    ['TaskCps', 500],
  ]
  for (const [name, max] of caps) {
    if (!integerAtMost(p[name], max)) return invalid(name)
  }
  return null
}
