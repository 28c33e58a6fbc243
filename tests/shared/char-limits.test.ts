import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { VoiceBroadcastIntent } from '../../shared/schemas/intents'
import { AiccsCreateAiCallTask } from '../../shared/providers/aiccs/wire'
import { CONNECT_TASK_LIMITS, ConnectStartTaskContactInput } from '../../shared/providers/connect/wire'
import { EgainTaskBody } from '../../shared/providers/egain/wire'
import { WEBEX_SCHEDULED_CALLBACK_LIMITS, WebexScheduleCallbackRequest } from '../../shared/providers/webex/wire'
import { maxChars } from '../../shared/text'

// How each provider's character limits are counted. Amazon Connect's Smithy model counts code points
// (an emoji is one). Webex, eGain, the voice API and Alibaba's do not say; they are counted in UTF-16
// units, as a Java String counts (an emoji is two), which is never fewer than code points: a string
// within the limit that way is within it whichever way the server counts.

const EMOJI = '😀' // one code point, two UTF-16 units

/** Exactly `units` UTF-16 units, as many of them emoji as fit. */
const inUnits = (units: number) => EMOJI.repeat(Math.floor(units / 2)) + 'a'.repeat(units % 2)

const counted: [string, number, 'units' | 'code points', z.ZodType][] = [
  [
    'Webex customer name',
    WEBEX_SCHEDULED_CALLBACK_LIMITS.customerNameChars,
    'units',
    WebexScheduleCallbackRequest.shape.customerName,
  ],
  ['eGain subject', 255, 'units', EgainTaskBody.shape.subject],
  ['voice broadcast text', 1000, 'units', VoiceBroadcastIntent.shape.text],
  ['Alibaba AI call agent id', 64, 'units', AiccsCreateAiCallTask.shape.AgentId],
  ['Amazon Connect task name', CONNECT_TASK_LIMITS.nameChars, 'code points', ConnectStartTaskContactInput.shape.Name],
]

describe('character limits, counted as each provider counts', () => {
  it.each(counted)('%s: at most %i, counted in %s', (_what, max, unit, schema) => {
    const issues = (s: string) => schema.safeParse(s).error?.issues.length ?? 0
    if (unit === 'units') {
      expect(issues(inUnits(max))).toBe(0)
      // One unit over, and max emoji (max code points, twice the units): refused, said once.
      expect(issues(inUnits(max + 1))).toBe(1)
      expect(issues(EMOJI.repeat(max))).toBe(1)
    } else {
      expect(issues(EMOJI.repeat(max))).toBe(0)
      expect(issues(EMOJI.repeat(max + 1))).toBe(1)
      expect(issues('a'.repeat(max + 1))).toBe(1)
    }
  })

  it('maxChars keeps the limit on the schema, counts a lone surrogate as one unit, and reports once', () => {
    const schema = z.string().check(...maxChars(3, 'At most 3 characters.'))
    expect(schema.maxLength).toBe(3)
    expect(schema.safeParse('ab\uD800').success).toBe(true)
    expect(schema.safeParse(`ab${EMOJI}`).error?.issues.map((i) => i.message)).toEqual(['At most 3 characters.'])
    expect(schema.safeParse(EMOJI.repeat(4)).error?.issues).toHaveLength(1)
  })
})
