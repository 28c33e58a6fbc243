import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Profile } from '../../shared/schemas/profiles'
import { parseQuickEntry } from '../../renderer/src/features/quick-entry/parse-quick-entry'
import { drafts } from '../shared/fixtures'
import { HOSTILE_LINES } from './quick-entry-corpus/hostile-lines'

// Every line of the quick-entry corpus against what the agent who typed it means.

const profiles = [
  Profile.parse({ ...drafts.webex, id: '11111111-1111-4111-8111-111111111111' }),
  Profile.parse({ ...drafts.egain, id: '22222222-2222-4222-8222-222222222222' }),
  Profile.parse({ ...drafts.connect, id: '33333333-3333-4333-8333-333333333333' }),
  Profile.parse({ ...drafts.voice_broadcast, id: '44444444-4444-4444-8444-444444444444' }),
]

// The computer's own zone setting (TZ) must not change a reading: the agent's zone is the context's
// (in the app, the same as the computer's). chrono's forward-date rule read "monday 9am", typed on a
// Monday at 09:30 in New York, as today (refused as past) on a UTC or Tokyo machine. New York's own
// zone changes its clocks: chrono adds "in 2 hours" on this computer's clock, an hour off across a change.
describe.each(['UTC', 'Asia/Tokyo', 'America/New_York'])(
  'the quick-entry corpus, this computer set to %s',
  (machineZone) => {
    const before = process.env['TZ']
    beforeAll(() => {
      process.env['TZ'] = machineZone
    })
    afterAll(() => {
      if (before === undefined) delete process.env['TZ']
      else process.env['TZ'] = before
    })
    for (const [group, cases] of Object.entries(HOSTILE_LINES)) {
      describe(group, () => {
        it.each(cases)('$line', ({ line, region, language, now, expect: wanted }) => {
          const read = parseQuickEntry(line, {
            region: region ?? 'US',
            language: language ?? 'en',
            profiles,
            defaults: { outdial: null, callback: null },
            now: new Date(now ?? '2026-12-07T10:00:00Z'),
            localZone: 'America/New_York',
          })
          if ('queues' in wanted) {
            expect(read.problems).toEqual([])
            expect(read.intent).toMatchObject(wanted.queues)
          } else {
            expect(read.intent).toBeNull()
            expect(read.problems.map((p) => p.path)).toEqual(wanted.refused)
          }
        })
      })
    }
  },
)
