import { numbers, refused, type CorpusCase } from './types'

// Right-to-left overrides, embeddings and isolates change the order the agent sees, not the order
// libphonenumber reads: `<RLO>8590 6497 02 44+<PDF>` shows as +44 20 7946 0958. No reading of
// such a span is safe, so it is refused; the numbers outside it are still found.
export const directionControls: CorpusCase[] = [
  // Overrides: the digits shown reversed.
  { region: 'US', text: '\u202e8590 6497 02 44+\u202c', expect: refused('bidi_control') },
  { region: 'US', text: '\u202e+44 20 7946 0958\u202c', expect: refused('bidi_control') },
  { region: 'DE', text: '\u202e87654321 03 94+\u202c', expect: refused('bidi_control') },
  { region: 'GB', text: 'Call me on \u202e8590 6497 020\u202c today', expect: refused('bidi_control') },
  { region: 'FR', text: 'Tél. : \u202e98 76 54 32 10\u202c', expect: refused('bidi_control') },
  { region: 'ES', text: '\u202e876 543 219\u202c', expect: refused('bidi_control') },
  { region: 'US', text: '\u202d+1 415 555 0132\u202c', expect: refused('bidi_control') },
  // Unclosed: the override runs to the end of the paragraph.
  { region: 'US', text: 'Number: \u202e2310 555 514 1+', expect: refused('bidi_control') },
  { region: 'GB', text: '\u202e8590 6497 020', expect: refused('bidi_control') },
  // Embeddings and isolates: the digit groups shown in another order.
  { region: 'GB', text: '\u202b020 7946 0958\u202c', expect: refused('bidi_control') },
  { region: 'GB', text: '\u202a020 7946 0958\u202c', expect: refused('bidi_control') },
  { region: 'GB', text: 'Call \u2067020 7946 0958\u2069', expect: refused('bidi_control') },
  { region: 'DE', text: '\u2066030 12345678\u2069', expect: refused('bidi_control') },
  { region: 'ES', text: '\u2068612 34 56 78\u2069', expect: refused('bidi_control') },
  { region: 'FR', text: '\u2067\u202e89 76 54 32 10\u202c\u2069', expect: refused('bidi_control') },
  // A span over part of the number: the number is refused whole, not cut at the span.
  { region: 'GB', text: '+44 20 \u202e8590 6497\u202c', expect: refused('bidi_control') },
  { region: 'US', text: '+1 415 \u2067555 0132\u2069', expect: refused('bidi_control') },
  { region: 'DE', text: '030 \u202e87654321', expect: refused('bidi_control') },
  // Links too.
  { region: 'US', text: 'tel:+44\u202e8590649702\u202c', expect: refused('bidi_control') },
  { region: 'FR', text: '\u202etel:+33123456789\u202c', expect: refused('bidi_control') },
  // Outside the span, numbers are still offered; a span without digits moves none.
  {
    region: 'GB',
    text: 'Backup: \u202e8590 6497 020\u202c\nOffice: 020 7946 0959',
    expect: numbers('+442079460959'),
  },
  { region: 'GB', text: '\u2068محمد\u2069 020 7946 0958', expect: numbers('+442079460958') },
  { region: 'FR', text: '\u2067Rania\u2069 : 06 12 34 56 78', expect: numbers('+33612345678') },
  // Marks alone start no span: they are folded like any invisible character.
  { region: 'US', text: '\u200f+44 20 7946 0958\u200f', expect: numbers('+442079460958') },
  { region: 'ES', text: '\u200e+34 912 345 678\u200e', expect: numbers('+34912345678') },
  // A closing control with nothing open changes nothing.
  { region: 'DE', text: '030 12345678\u202c', expect: numbers('+493012345678') },
]
