import fc from 'fast-check'
import { Profile } from '../../shared/schemas/profiles'
import type { ProviderName } from '../../shared/schemas/providers'
import { utf8Bytes } from '../../shared/text'
import { drafts } from './fixtures'

// Task intents as the IPC contract accepts them, one arbitrary per provider, each within the
// profile it is queued for (PROFILES): longest fields, multi-byte text, optional fields left out.

export const PROFILES = Object.fromEntries(
  (Object.keys(drafts) as ProviderName[]).map((provider, i) => [
    provider,
    Profile.parse({ ...drafts[provider], id: `00000000-0000-4000-8000-00000000000${i + 1}` }),
  ]),
) as Record<ProviderName, Profile>
export const byId = new Map(Object.values(PROFILES).map((p) => [p.id, p]))

/**
 * Numbers a broadcast being queued may hold (tasks:submit refuses numbers that cannot exist): North
 * American numbers of any exchange, and a few of other regions and lengths.
 */
const dialableDigits = fc.oneof(
  fc
    .tuple(
      fc.constantFrom('1415', '1212', '1646', '1303'),
      fc.integer({ min: 2, max: 9 }),
      fc.stringMatching(/^\d{6}$/),
    )
    .map(([area, exchange, rest]) => `${area}${exchange}${rest}`),
  fc.constantFrom('442079460958', '447911123456', '34612345678', '4930123456', '84901234567', '33612345678'),
)

// ——— Text as agents type it: any script, emoji, quotes, and now and then a control character ———

const printable = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom('a', 'Z', '7', ' ', '-', '.', '@', '"', '\\') },
  { weight: 2, arbitrary: fc.constantFrom('é', 'ß', 'ñ', 'ü') },
  { weight: 2, arbitrary: fc.constantFrom('☎', '中', '€', 'ア', '\u2028') },
  { weight: 2, arbitrary: fc.constantFrom('📞', '👍🏽', '🇪🇸') },
)
const ascii = fc.constantFrom('a', 'Z', '7', ' ', '-', '.', '@', '"', '\\')
const withControls = fc.oneof({ weight: 12, arbitrary: printable }, fc.constantFrom('\t', '\n', '\u0000'))
type Measure = 'units' | 'codePoints' | 'bytes'
const measures: Record<Measure, (s: string) => number> = {
  units: (s) => s.length,
  codePoints: (s) => [...s].length,
  bytes: utf8Bytes,
}
/**
 * Text of at most `max` in the field's own measure, exactly `max` in a third of the cases. It starts
 * and ends with 'x', so the contract's trimming leaves it as it is; emoji are never cut in half.
 */
function text(max: number, measure: Measure, min = 1): fc.Arbitrary<string> {
  const size = measures[measure]
  const length = fc.oneof(fc.constant(max), fc.integer({ min, max }), fc.integer({ min, max: Math.min(max, 40) }))
  // Mostly mixed scripts; one text in five plain ASCII (the most characters for a limit in code points
  // or bytes), one in five with a control character.
  const alphabet = fc.oneof(
    { weight: 3, arbitrary: fc.constant(printable) },
    fc.constant(ascii),
    fc.constant(withControls),
  )
  return fc
    .tuple(length, alphabet)
    .chain(([n, pieces]) => fc.array(pieces, { minLength: n, maxLength: n }))
    .map((parts) => {
      if (parts.length === 0) return ''
      const target = Math.min(max, parts.length)
      let s = 'x'
      for (const part of parts.slice(1)) {
        if (size(s + part) + 1 > target) break
        s += part
      }
      while (size(s) < target) s += 'x'
      return s
    })
}
const later = (minHours: number, maxHours: number) =>
  fc
    .integer({ min: minHours * 60, max: maxHours * 60 })
    .map((minutes) => new Date(Date.now() + minutes * 60_000).toISOString().replace(/\.\d{3}Z$/, 'Z'))
const optional = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: undefined })
const defined = <T extends object>(value: T): T =>
  Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T

// ——— One arbitrary per provider, within the profile it is queued for ———

export const intents: Record<ProviderName, fc.Arbitrary<unknown>> = {
  webex: fc.oneof(
    fc
      .record({
        destination: fc.stringMatching(/^\+[1-9]\d{6,14}$/),
        attributes: optional(fc.dictionary(text(60, 'bytes'), text(1024, 'bytes', 0), { maxKeys: 30 })),
      })
      .map(({ destination, attributes }) =>
        defined({
          kind: 'outdial',
          profileId: PROFILES.webex.id,
          destination,
          entryPointId: 'EP-outbound-1',
          origin: '+14085550100',
          attributes,
        }),
      ),
    fc.record({ customerName: text(250, 'units'), reason: text(400, 'units', 0) }).map((fields) => ({
      kind: 'callback',
      provider: 'webex',
      profileId: PROFILES.webex.id,
      when: { kind: 'now' },
      destination: '+14155550123',
      entryPointId: 'EP-outbound-1',
      ...fields,
    })),
  ),
  connect: fc.oneof(
    fc
      .record({
        name: text(1024, 'codePoints'),
        description: optional(text(4096, 'codePoints', 0)),
        previousContactId: optional(text(256, 'codePoints')),
      })
      .map((fields) =>
        defined({
          kind: 'followUp',
          provider: 'connect',
          profileId: PROFILES.connect.id,
          target: { kind: 'contactFlow', id: 'flow-1' },
          ...fields,
        }),
      ),
    fc
      .record({ customerName: text(250, 'units'), reason: text(4096, 'codePoints', 0), at: later(2, 100) })
      .map(({ at, ...fields }) => ({
        kind: 'callback',
        provider: 'connect',
        profileId: PROFILES.connect.id,
        when: { kind: 'at', at, timeZone: 'Asia/Tokyo' },
        destination: '+14155550123',
        target: { kind: 'contactFlow', id: 'flow-1' },
        ...fields,
      })),
  ),
  egain: fc
    .record({
      department: text(255, 'units', 0),
      subject: text(255, 'units'),
      content: optional(text(3000, 'units')),
      dueDate: optional(later(48, 120)),
      attribute: fc.stringMatching(/^[A-Za-z0-9_-]{1,100}$/).map((name) => `custom.${name}`),
      value: text(255, 'units'),
      createCustomer: fc.boolean(),
      // A client-credentials profile acts as an application, which must name the assignee.
      assignee: text(255, 'units'),
    })
    .map(({ attribute, value, assignee, ...fields }) =>
      defined({
        kind: 'followUp',
        provider: 'egain',
        profileId: PROFILES.egain.id,
        subtype: 'General',
        lookup: { attribute, value },
        assignee: { by: 'loginId', value: assignee },
        ...fields,
      }),
    ),
  aiccs: fc.record({ taskName: text(128, 'units') }).map(({ taskName }) => ({
    kind: 'broadcast',
    provider: 'aiccs',
    profileId: PROFILES.aiccs.id,
    taskName,
    agentId: '',
    virtualNumber: '',
    callTimes: [{ startTime: '09:00:00', endTime: '18:00:00' }],
    callDays: ['MONDAY', 'FRIDAY'],
    retryTimes: 1,
    retryIntervalMinutes: 30,
    concurrency: 5,
    start: { kind: 'now' },
  })),
  voice_broadcast: fc
    .record({
      taskName: text(64, 'units', 2),
      text: text(1000, 'units'),
      numbers: fc.array(dialableDigits, { minLength: 1, maxLength: 20 }),
    })
    .map((fields) => ({
      kind: 'broadcast',
      provider: 'voice_broadcast',
      profileId: PROFILES.voice_broadcast.id,
      lan: 'EN',
      loopCount: 1,
      maxCalls: 60,
      maxRingingTime: 40,
      ...fields,
    })),
}
