// CreateAiCallTask parameters shared by the schema tests (aiccs.test.ts) and the simulator tests
// (tests/main/providers/aiccs-simulator-*.test.ts): the seed's example, a minimal task, and one
// refused row per rule, each saying how the simulated gateway must answer it when sent raw. Built
// for a given `now`, so a scheduled start stays in the future whether it is judged at a fixed
// instant (the schema) or at the moment a simulator runs.

const DAY_MS = 24 * 60 * 60 * 1000

/**
 * How the simulator answers a row the schema refuses, when sent raw: refused with this gateway
 * code (HTTP 400, nothing created), or `schemaOnly`: the schema is stricter than anything the page
 * documents, or the difference does not survive serialisation, so the gateway creates the task.
 */
export type AiccsWire = { refused: 'MissingParameter' | 'InvalidParameter' } | { schemaOnly: string }

export type AiccsRefusalRow = [name: string, patch: Record<string, unknown>, path: string, wire: AiccsWire]

/** The base parameters with `patch` applied; an `undefined` in the patch removes the parameter. */
export const withChange = (base: () => Record<string, unknown>, patch: Record<string, unknown>) => {
  const r = { ...base(), ...patch }
  for (const [k, v] of Object.entries(patch)) if (v === undefined) delete r[k]
  return r
}

/**
 * The query the official SDK would send for these parameters, without any check: array parameters
 * as JSON strings ("json" style), each CallTime window an object turned into its JSON string (an
 * item already a string goes as it is), scalars as `String(value)`. The raw path for the simulator.
 */
export function rawAiccsQuery(params: Record<string, unknown>): Record<string, string> {
  const query: Record<string, string> = {}
  for (const [name, value] of Object.entries(params)) {
    if (value === undefined) continue
    if (Array.isArray(value)) {
      const items = name === 'CallTime' ? value.map((w) => (typeof w === 'string' ? w : JSON.stringify(w))) : value
      query[name] = JSON.stringify(items)
    } else query[name] = String(value)
  }
  return query
}

const MISSING = { refused: 'MissingParameter' } as const
const INVALID = { refused: 'InvalidParameter' } as const
const SAME_ON_THE_WIRE = { schemaOnly: 'the same query once serialised' }

/** The samples and rows, judged at `now`. */
export function aiccsCases(now: Date) {
  const inADay = now.getTime() + DAY_MS

  /**
   * The seed's own example values, parameter by parameter (the "Example" column of the AICCS page).
   * Adapted: TaskStartTime's example, 12313123133, is a moment in May 1970 and cannot be a future start;
   * it is replaced by now + 1 day. The masked AgentId/VirtualNumber examples are kept as written, since no
   * format is documented for them.
   */
  const seedExample = (): Record<string, unknown> => ({
    TaskName: '测试任务',
    AgentId: '1180**************',
    VirtualNumber: '032712122*****',
    StartType: 'SCHEDULE',
    MissCallRetry: false,
    CallRetryReason: ['CALL_REJECTED'],
    CallRetryTimes: 2,
    CallRetryInterval: 32,
    CallTime: [{ startTime: '09:00:00', endTime: '10:00:00' }],
    CallDay: ['MONDAY'],
    TaskStartTime: inADay,
    TaskCps: 75,
  })

  const minimal = (): Record<string, unknown> => ({
    TaskName: 'Renewals June',
    AgentId: '118000000000000001',
    VirtualNumber: '03271212200001',
    StartType: 'IMMEDIATE',
    CallTime: [{ startTime: '09:00:00', endTime: '12:00:00' }],
    CallDay: ['MONDAY', 'TUESDAY'],
  })

  /** Patches on the seed example, one per rule: the schema's issue path, and the gateway's answer. */
  const refusals: AiccsRefusalRow[] = [
    ['TaskName missing', { TaskName: undefined }, 'TaskName', MISSING],
    ['TaskName blank', { TaskName: '  ' }, 'TaskName', MISSING],
    [
      'TaskName over our 128 cap',
      { TaskName: 't'.repeat(129) },
      'TaskName',
      { schemaOnly: 'the page states no length' },
    ],
    ['AgentId missing', { AgentId: undefined }, 'AgentId', MISSING],
    ['VirtualNumber missing', { VirtualNumber: undefined }, 'VirtualNumber', MISSING],
    ['StartType missing', { StartType: undefined }, 'StartType', MISSING],
    ['StartType not documented', { StartType: 'LATER' }, 'StartType', INVALID],
    ['SCHEDULE without TaskStartTime', { TaskStartTime: undefined }, 'TaskStartTime', MISSING],
    ['SCHEDULE in the past', { TaskStartTime: 12313123133 }, 'TaskStartTime', INVALID],
    ['SCHEDULE exactly now', { TaskStartTime: now.getTime() }, 'TaskStartTime', INVALID],
    [
      'IMMEDIATE with a TaskStartTime',
      { StartType: 'IMMEDIATE' },
      'TaskStartTime',
      { schemaOnly: 'the page: the start time is "used only when" SCHEDULE, so it is ignored, not refused [I]' },
    ],
    ['TaskStartTime in seconds with a fraction', { TaskStartTime: 1780358400.5 }, 'TaskStartTime', INVALID],
    ['TaskStartTime as a string', { TaskStartTime: String(inADay) }, 'TaskStartTime', SAME_ON_THE_WIRE],
    ['CallTime missing', { CallTime: undefined }, 'CallTime', MISSING],
    ['CallTime empty', { CallTime: [] }, 'CallTime', INVALID],
    [
      'CallTime not HH:mm:ss',
      { CallTime: [{ startTime: '9:00', endTime: '10:00:00' }] },
      'CallTime.0.startTime',
      INVALID,
    ],
    ['CallTime hour 24', { CallTime: [{ startTime: '09:00:00', endTime: '24:00:00' }] }, 'CallTime.0.endTime', INVALID],
    [
      'CallTime ends before it starts',
      { CallTime: [{ startTime: '10:00:00', endTime: '09:00:00' }] },
      'CallTime.0.endTime',
      INVALID,
    ],
    [
      'CallTime empty window',
      { CallTime: [{ startTime: '10:00:00', endTime: '10:00:00' }] },
      'CallTime.0.endTime',
      INVALID,
    ],
    [
      'CallTime item pre-serialised (the wire form belongs to toAiccsQuery)',
      { CallTime: ['{"startTime":"09:00:00","endTime":"10:00:00"}'] },
      'CallTime.0',
      SAME_ON_THE_WIRE,
    ],
    [
      'CallTime window with an extra field',
      { CallTime: [{ startTime: '09:00:00', endTime: '10:00:00', tz: 'UTC' }] },
      'CallTime.0',
      { schemaOnly: 'the page names startTime and endTime only; nothing says other keys are refused' },
    ],
    ['CallTime as a plain string, not a JSON array', { CallTime: '09:00:00-10:00:00' }, 'CallTime', INVALID],
    ['CallDay missing', { CallDay: undefined }, 'CallDay', MISSING],
    ['CallDay empty', { CallDay: [] }, 'CallDay', INVALID],
    ['CallDay not a documented day', { CallDay: ['MON'] }, 'CallDay.0', INVALID],
    ['CallDay as a plain string, not a JSON array', { CallDay: 'MONDAY' }, 'CallDay', INVALID],
    [
      'CallDay twice the same day',
      { CallDay: ['MONDAY', 'MONDAY'] },
      'CallDay',
      { schemaOnly: 'ours: a day named twice means nothing more' },
    ],
    ['MissCallRetry as a string', { MissCallRetry: 'false' }, 'MissCallRetry', SAME_ON_THE_WIRE],
    ['MissCallRetry not a boolean', { MissCallRetry: 'yes' }, 'MissCallRetry', INVALID],
    ['CallRetryReason not documented', { CallRetryReason: ['BUSY'] }, 'CallRetryReason.0', INVALID],
    ['CallRetryTimes over 3', { CallRetryTimes: 4 }, 'CallRetryTimes', INVALID],
    ['CallRetryTimes negative', { CallRetryTimes: -1 }, 'CallRetryTimes', INVALID],
    [
      'CallRetryInterval over 120 ([C] 720 vs 120: we keep 120)',
      { CallRetryInterval: 121 },
      'CallRetryInterval',
      { schemaOnly: '[C] the seed (English Create page) allows 720; the simulator follows the seed' },
    ],
    [
      'CallRetryInterval 720 (the EN page maximum)',
      { CallRetryInterval: 720 },
      'CallRetryInterval',
      { schemaOnly: '[C] 720 is the seed’s own maximum' },
    ],
    ['CallRetryInterval over 720 (over both pages)', { CallRetryInterval: 721 }, 'CallRetryInterval', INVALID],
    ['TaskCps over 500', { TaskCps: 501 }, 'TaskCps', INVALID],
    ['TaskCps zero', { TaskCps: 0 }, 'TaskCps', { schemaOnly: 'ours: the page gives only the maximum' }],
    [
      'unknown parameter',
      { Callees: ['13800000000'] },
      '',
      { schemaOnly: 'the gateway ignores query parameters an action does not have [I]' },
    ],
  ]

  return { inADay, seedExample, minimal, refusals }
}
