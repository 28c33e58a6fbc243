import type { CountryCode } from '../../../shared/phone/dialable'

/**
 * One quick-entry line and what the agent who typed it means: the task queued (the fields that
 * matter), or that it is not queued and which fields say why. Written from the line's meaning,
 * never from what the code does. The clock is Monday 7 December 2026, 10:00 UTC, on a computer in
 * New York (05:00 there), unless `now` says otherwise; region US and the English window unless said.
 */
export interface QuickEntryCase {
  line: string
  region?: CountryCode
  language?: 'en' | 'es'
  now?: string
  expect: { queues: Record<string, unknown> } | { refused: string[] }
}

const at = (iso: string, timeZone: string) => ({ when: { kind: 'at', at: iso, timeZone } })
const NY = 'America/New_York'

// Lines an adversarial audit of issue 16 typed (s10-G). Grow it whenever a line is misread.
export const HOSTILE_LINES: Record<string, QuickEntryCase[]> = {
  'Spanish phrasing': [
    {
      // Read as 03:00 in New York, with "tarde Madrid" in the customer's name.
      line: 'devolución Ana +34 612 345 678 mañana a las 3 de la tarde Madrid',
      language: 'es',
      expect: { queues: { customerName: 'Ana', ...at('2026-12-08T15:00:00+01:00', 'Europe/Madrid') } },
    },
    {
      line: 'devolución Ana +34 612 345 678 mañana a las 3 de la tarde Madrid',
      language: 'en',
      expect: { queues: { customerName: 'Ana', ...at('2026-12-08T15:00:00+01:00', 'Europe/Madrid') } },
    },
    {
      line: 'devolución Ana +34 612 345 678 hoy a las 11 de la noche',
      language: 'es',
      expect: { queues: { customerName: 'Ana', ...at('2026-12-07T23:00:00-05:00', NY) } },
    },
    {
      line: 'devolución Ana +34 612 345 678 el lunes a las 9 de la mañana',
      language: 'es',
      expect: { queues: { customerName: 'Ana', ...at('2026-12-07T09:00:00-05:00', NY) } },
    },
    {
      // Read as "mañana", a day early, with "pasado" in the name.
      line: 'devolución Ana +34 612 345 678 pasado mañana a las 9',
      language: 'es',
      expect: { queues: { customerName: 'Ana', ...at('2026-12-09T09:00:00-05:00', NY) } },
    },
    {
      line: 'rellamar Ana +34 612 345 678 ahora mismo',
      language: 'es',
      expect: { queues: { customerName: 'Ana', when: { kind: 'now' } } },
    },
    {
      line: 'seguimiento Ana Ruiz el viernes: enviar el contrato',
      language: 'es',
      expect: { queues: { provider: 'connect', name: 'enviar el contrato' } },
    },
    {
      line: 'seguimiento ana@example.com lunes 9:00 asignar a jdoe: llamar por la factura',
      language: 'es',
      expect: { queues: { subject: 'llamar por la factura', assignee: { by: 'loginId', value: 'jdoe' } } },
    },
    { line: 'llamar al 612 345 678', region: 'ES', expect: { queues: { destination: '+34612345678' } } },
    { line: 'devolución Ana +34 612 345 678 mañana por la tarde', language: 'es', expect: { refused: ['when.at'] } },
  ],
  'a time right after the number': [
    // The time's digits ran into the number's: "number not found", the number in the name.
    {
      line: 'callback Ana +1 415 555 0101 3pm London',
      expect: {
        queues: {
          destination: '+14155550101',
          customerName: 'Ana',
          ...at('2026-12-07T15:00:00+00:00', 'Europe/London'),
        },
      },
    },
    {
      line: 'callback Ana (415) 555-0101 10:30 tomorrow',
      expect: { queues: { destination: '+14155550101', ...at('2026-12-08T10:30:00-05:00', NY) } },
    },
    {
      line: 'callback Ana +1 415 555 0101 12/31 11pm',
      expect: { queues: { destination: '+14155550101', ...at('2026-12-31T23:00:00-05:00', NY) } },
    },
    {
      line: 'callback Ana +1 415 555 0101 31/12 23:00',
      language: 'es',
      expect: { queues: { ...at('2026-12-31T23:00:00-05:00', NY) } },
    },
  ],
  'places and zones': [
    // "Los" was a joining word: the place was missed and the callback set in New York.
    {
      line: 'callback Ana +1 415 555 0101 tomorrow 3pm Los Angeles',
      expect: { queues: { customerName: 'Ana', ...at('2026-12-08T15:00:00-08:00', 'America/Los_Angeles') } },
    },
    {
      line: 'callback Ana +1 415 555 0101 tomorrow 3pm Las Palmas',
      expect: { queues: { customerName: 'Ana', ...at('2026-12-08T15:00:00+00:00', 'Atlantic/Canary') } },
    },
    {
      line: 'callback Ana +1 415 555 0101 tomorrow 3pm La Habana',
      expect: { queues: { customerName: 'Ana', ...at('2026-12-08T15:00:00-05:00', 'America/Havana') } },
    },
    // chrono read PST as an offset, and the hour was set on this computer's clock (New York).
    {
      line: 'callback Ana +1 415 555 0101 tomorrow 3pm PST',
      expect: { queues: { customerName: 'Ana', ...at('2026-12-08T15:00:00-08:00', 'America/Los_Angeles') } },
    },
    {
      line: 'callback Ana +1 415 555 0101 tomorrow 3pm CET',
      expect: { queues: { ...at('2026-12-08T15:00:00+01:00', 'Europe/Paris') } },
    },
    { line: 'callback Ana +1 415 555 0101 at 3pm EST', expect: { queues: { ...at('2026-12-07T15:00:00-05:00', NY) } } },
    {
      line: 'callback +1 415 555 0101 Ana tomorrow at 3pm in London',
      expect: { queues: { customerName: 'Ana', ...at('2026-12-08T15:00:00+00:00', 'Europe/London') } },
    },
    {
      line: 'callback Madrid Ruiz +34 612 345 678 tomorrow 3pm',
      expect: { queues: { customerName: 'Madrid Ruiz', ...at('2026-12-08T15:00:00-05:00', NY) } },
    },
  ],
  'names with a weekday or a month': [
    // The first date in the line won: Sunday at 17:00, and "tomorrow 3pm" in the name.
    {
      line: 'callback Sunday Jones +1 415 555 0101 tomorrow 3pm',
      expect: { queues: { customerName: 'Sunday Jones', ...at('2026-12-08T15:00:00-05:00', NY) } },
    },
    {
      line: 'callback Monday Smith +1 415 555 0101 tomorrow 3pm',
      expect: { queues: { customerName: 'Monday Smith', ...at('2026-12-08T15:00:00-05:00', NY) } },
    },
    {
      line: 'callback Ana March +1 415 555 0101 tomorrow 3pm',
      expect: { queues: { customerName: 'Ana March', ...at('2026-12-08T15:00:00-05:00', NY) } },
    },
  ],
  'hours that are not enough': [
    { line: 'callback Ana +1 415 555 0101 tomorrow morning', expect: { refused: ['when.at'] } },
    { line: 'callback Ana +1 415 555 0101 tonight', expect: { refused: ['when.at'] } },
  ],
  'at once': [
    { line: 'callback Ana +1 415 555 0101 asap', expect: { queues: { customerName: 'Ana', when: { kind: 'now' } } } },
    {
      line: 'callback Ana +1 415 555 0101 right now',
      expect: { queues: { customerName: 'Ana', when: { kind: 'now' } } },
    },
  ],
  'numbers with extensions, two numbers, numbers in the note': [
    // Went to the first, the second left in the customer's name: the agent is asked to keep one.
    { line: 'call 415 555 0100 or 415 555 0101', expect: { refused: ['destination'] } },
    { line: 'callback Ana +1 415 555 0101 +1 415 555 0102 tomorrow 3pm', expect: { refused: ['destination'] } },
    { line: 'Office 020 7946 0958, mobile 07911 123456', region: 'GB', expect: { refused: ['destination'] } },
    { line: 'call 415 555 0100 ext. 23', expect: { queues: { kind: 'outdial', destination: '+14155550100' } } },
    { line: 'call 415 555 0100;ext=23', expect: { queues: { kind: 'outdial', destination: '+14155550100' } } },
    {
      line: 'callback Ana +1 415 555 0101 x23 tomorrow 3pm',
      expect: { queues: { destination: '+14155550101', customerName: 'Ana' } },
    },
    {
      line: 'callback Ana +1 415 555 0101 tomorrow 3pm re: ticket 415 555 0199',
      expect: { queues: { destination: '+14155550101', reason: 'ticket 415 555 0199' } },
    },
    {
      line: 'callback Ana +1 415 555 0101 tomorrow 3pm: refund 2 items',
      expect: { queues: { reason: 'refund 2 items' } },
    },
    {
      line: 'follow up Ana Ruiz friday: call 415 555 0100 about order 5',
      expect: { queues: { provider: 'connect', name: 'call 415 555 0100 about order 5' } },
    },
  ],
  'times already past, daylight saving days': [
    { line: 'callback Ana +1 415 555 0101 today 9am', now: '2026-12-07T15:00:00Z', expect: { refused: ['when.at'] } },
    {
      line: 'callback Ana +1 415 555 0101 9am',
      now: '2026-12-07T15:00:00Z',
      expect: { queues: { ...at('2026-12-08T09:00:00-05:00', NY) } },
    },
    {
      line: 'callback Ana +44 20 7946 0958 tomorrow 3pm London',
      region: 'GB',
      now: '2027-03-27T23:30:00Z',
      expect: { queues: { ...at('2027-03-28T15:00:00+01:00', 'Europe/London') } },
    },
    {
      line: 'callback Ana +1 212 555 0199 tomorrow 3pm New York',
      now: '2027-03-13T12:00:00Z',
      expect: { queues: { ...at('2027-03-14T15:00:00-04:00', NY) } },
    },
    {
      line: 'callback Ana +1 415 555 0101 in 2 hours',
      now: '2027-03-14T05:30:00Z',
      expect: { queues: { ...at('2027-03-14T03:30:00-04:00', NY) } },
    },
    {
      line: 'callback Ana +1 415 555 0101 tomorrow 9am London',
      now: '2026-10-24T12:00:00Z',
      expect: { queues: { ...at('2026-10-25T09:00:00+00:00', 'Europe/London') } },
    },
  ],
  'a bare hour from 1 to 7 is in the afternoon (s11 audit)': [
    // "at 3" was 03:00: nobody books a callback for 3 in the morning without saying so.
    {
      line: 'callback Ana +1 415 555 0101 tomorrow at 3',
      expect: { queues: { ...at('2026-12-08T15:00:00-05:00', NY) } },
    },
    { line: 'callback Ana +1 415 555 0101 at 3', expect: { queues: { ...at('2026-12-07T15:00:00-05:00', NY) } } },
    {
      // 14:00 in New York: 3 is this afternoon, not tomorrow.
      line: 'callback Ana +1 415 555 0101 at 3',
      now: '2026-12-07T19:00:00Z',
      expect: { queues: { ...at('2026-12-07T15:00:00-05:00', NY) } },
    },
    {
      line: 'callback Ana +1 415 555 0101 at 3',
      now: '2026-12-07T21:00:00Z',
      expect: { queues: { ...at('2026-12-08T15:00:00-05:00', NY) } },
    },
    {
      line: 'callback Ana +1 415 555 0101 tomorrow 3:30',
      expect: { queues: { ...at('2026-12-08T15:30:00-05:00', NY) } },
    },
    {
      line: 'callback Ana +1 415 555 0101 tomorrow at 7',
      expect: { queues: { ...at('2026-12-08T19:00:00-05:00', NY) } },
    },
    {
      line: 'callback Ana +1 415 555 0101 tomorrow at 8',
      expect: { queues: { ...at('2026-12-08T08:00:00-05:00', NY) } },
    },
    {
      line: 'callback Ana +1 415 555 0101 tomorrow at 3am',
      expect: { queues: { ...at('2026-12-08T03:00:00-05:00', NY) } },
    },
    {
      line: 'callback Ana +1 415 555 0101 tomorrow 03:00',
      expect: { queues: { ...at('2026-12-08T03:00:00-05:00', NY) } },
    },
    {
      line: 'devolución Ana +34 612 345 678 mañana a las 3',
      language: 'es',
      expect: { queues: { customerName: 'Ana', ...at('2026-12-08T15:00:00-05:00', NY) } },
    },
    {
      line: 'devolución Ana +34 612 345 678 mañana a las 3 de la mañana',
      language: 'es',
      expect: { queues: { customerName: 'Ana', ...at('2026-12-08T03:00:00-05:00', NY) } },
    },
  ],
  'a weekday already past today (s11 audit)': [
    {
      // 09:30 on a Monday in New York.
      line: 'callback Ana +1 415 555 0101 monday 9am',
      now: '2026-12-07T14:30:00Z',
      expect: { queues: { ...at('2026-12-14T09:00:00-05:00', NY) } },
    },
    // Monday 15:00 in New York: "monday 9am" was refused as past instead of next Monday.
    {
      line: 'callback Ana +1 415 555 0101 monday 9am',
      now: '2026-12-07T20:00:00Z',
      expect: { queues: { ...at('2026-12-14T09:00:00-05:00', NY) } },
    },
    {
      line: 'callback Ana +1 415 555 0101 monday 9am',
      expect: { queues: { ...at('2026-12-07T09:00:00-05:00', NY) } },
    },
    {
      line: 'devolución Ana +34 612 345 678 el lunes a las 9 de la mañana',
      language: 'es',
      now: '2026-12-07T20:00:00Z',
      expect: { queues: { ...at('2026-12-14T09:00:00-05:00', NY) } },
    },
  ],
  'a surname that is a city (s11 audit)': [
    // Paris was taken as the customer's zone, the callback set in Paris and the name cut to "Ana".
    {
      line: 'callback Ana Paris +33 1 23 45 67 89 tomorrow 3pm',
      expect: { queues: { customerName: 'Ana Paris', ...at('2026-12-08T15:00:00-05:00', NY) } },
    },
    {
      line: 'callback Paris +44 20 7946 0958 tomorrow 3pm',
      expect: { queues: { customerName: 'Paris', ...at('2026-12-08T15:00:00-05:00', NY) } },
    },
    {
      line: 'callback Ana Paris tomorrow 3pm +33 1 23 45 67 89',
      expect: { queues: { customerName: 'Ana Paris', ...at('2026-12-08T15:00:00-05:00', NY) } },
    },
    {
      line: 'callback Ana Paris +33 1 23 45 67 89 tomorrow 3pm Paris',
      expect: { queues: { customerName: 'Ana Paris', ...at('2026-12-08T15:00:00+01:00', 'Europe/Paris') } },
    },
    {
      line: 'callback Ana +33 1 23 45 67 89 in Paris tomorrow 3pm',
      expect: { queues: { customerName: 'Ana', ...at('2026-12-08T15:00:00+01:00', 'Europe/Paris') } },
    },
  ],
  'Spanish days and hours (s11 audit)': [
    {
      line: 'devolución Ana +34 612 345 678 mañana 15h',
      language: 'es',
      expect: { queues: { customerName: 'Ana', ...at('2026-12-08T15:00:00-05:00', NY) } },
    },
    {
      line: 'devolución Ana +34 612 345 678 mañana 9h30 Madrid',
      language: 'es',
      expect: { queues: { customerName: 'Ana', ...at('2026-12-08T09:30:00+01:00', 'Europe/Madrid') } },
    },
    {
      line: 'devolución Ana +34 612 345 678 pasado mañana a las 10',
      language: 'es',
      expect: { queues: { customerName: 'Ana', ...at('2026-12-09T10:00:00-05:00', NY) } },
    },
    {
      line: 'devolución Ana +34 612 345 678 pasado mañana',
      language: 'es',
      expect: { refused: ['when.at'] },
    },
    {
      line: 'devolución Ana +34 612 345 678 mañana por la tarde a las 4',
      language: 'es',
      expect: { queues: { customerName: 'Ana', ...at('2026-12-08T16:00:00-05:00', NY) } },
    },
  ],
  'daylight saving changes (s11 audit)': [
    // New York falls back on 1 November 2026: 1:30 happens twice; the first (EDT) is taken.
    {
      line: 'callback Ana +1 415 555 0101 tomorrow 1:30am',
      now: '2026-10-31T16:00:00Z',
      expect: { queues: { ...at('2026-11-01T01:30:00-04:00', NY) } },
    },
    {
      line: 'callback Ana +44 20 7946 0958 tomorrow 1:30am London',
      now: '2026-10-24T12:00:00Z',
      expect: { queues: { ...at('2026-10-25T01:30:00+01:00', 'Europe/London') } },
    },
    // "in 2 hours" is 7,200 s from now: chrono added it on a wall clock, an hour off across the change
    // (00:30 EDT + 2 h is 01:30 EST, the second 1:30 of that night). Run with this computer in New York too.
    {
      line: 'callback Ana +1 415 555 0101 in 2 hours',
      now: '2026-11-01T04:30:00Z',
      expect: { queues: { ...at('2026-11-01T01:30:00-05:00', NY) } },
    },
    {
      line: 'callback Ana +1 415 555 0101 in 90 minutes',
      now: '2026-11-01T04:30:00Z',
      expect: { queues: { ...at('2026-11-01T01:00:00-05:00', NY) } },
    },
    {
      line: 'devolución Ana +1 415 555 0101 dentro de 2 horas',
      language: 'es',
      now: '2026-11-01T04:30:00Z',
      expect: { queues: { ...at('2026-11-01T01:30:00-05:00', NY) } },
    },
    {
      // 01:30 EST + 1 h is 03:30 EDT: 2:30 does not exist that night.
      line: 'callback Ana +1 415 555 0101 in 1 hour',
      now: '2027-03-14T06:30:00Z',
      expect: { queues: { ...at('2027-03-14T03:30:00-04:00', NY) } },
    },
    {
      // London goes back on 25 October 2026: 01:30 BST + 2 h is 02:30 GMT.
      line: 'callback Ana +44 20 7946 0958 in 2 hours London',
      region: 'GB',
      now: '2026-10-25T00:30:00Z',
      expect: { queues: { ...at('2026-10-25T02:30:00+00:00', 'Europe/London') } },
    },
    {
      // Whole days keep the wall-clock time: 11am is 11am after the change too (49 h later, not 48).
      line: 'callback Ana +1 415 555 0101 in 2 days at 11am',
      now: '2026-10-31T15:00:00Z',
      expect: { queues: { ...at('2026-11-02T11:00:00-05:00', NY) } },
    },
    // It springs forward on 14 March 2027: 2:30 does not exist there that night.
    {
      line: 'callback Ana +1 415 555 0101 tomorrow 2:30am',
      now: '2027-03-13T17:00:00Z',
      expect: { refused: ['when.at'] },
    },
  ],
  'a broadcast has no time (s11 audit)': [
    // The time was dropped without a word and the broadcast went out at once.
    { line: 'broadcast es "Su pedido llegó" +1 415 555 0101 tomorrow 3pm', expect: { refused: ['when'] } },
    { line: 'broadcast es "Su pedido llegó" +1 415 555 0101', expect: { queues: { numbers: ['14155550101'] } } },
  ],
  'the assignee after the subject': [
    // The README's own line: "assign jdoe" was read as part of the subject, and eGain refused it.
    {
      line: 'follow up ana@example.com monday 9am: call about the invoice assign jdoe',
      expect: { queues: { subject: 'call about the invoice', assignee: { by: 'loginId', value: 'jdoe' } } },
    },
  ],
}
