import { numbers, type CorpusCase } from './types'

// Invisible and format characters, and spaces other than U+0020, inside pasted numbers. Copied
// from chat apps, PDFs and web pages, they split a number where libphonenumber stops reading:
// `+49<ZWJ>30 12345678` was offered as the US number +1 301 234 5678. A person sees the number
// whole, so the number is what must be offered.
const CHARACTERS: Array<[string, string]> = [
  ['zero-width joiner', '\u200d'],
  ['zero-width non-joiner', '\u200c'],
  ['zero-width space', '\u200b'],
  ['byte-order mark', '\ufeff'],
  ['word joiner', '\u2060'],
  ['soft hyphen', '\u00ad'],
  ['left-to-right mark', '\u200e'],
  ['right-to-left mark', '\u200f'],
  ['Arabic letter mark', '\u061c'],
  ['narrow no-break space', '\u202f'],
  ['thin space', '\u2009'],
  ['figure space', '\u2007'],
  ['hair space', '\u200a'],
  ['en space', '\u2002'],
  ['em space', '\u2003'],
  ['punctuation space', '\u2008'],
  ['medium mathematical space', '\u205f'],
  ['ideographic space', '\u3000'],
  ['no-break space', '\u00a0'],
  ['Mongolian vowel separator', '\u180e'],
  ['combining grapheme joiner', '\u034f'],
  ['variation selector 16', '\ufe0f'],
  ['Hangul filler', '\u3164'],
  ['invisible separator', '\u2063'],
  ['function application', '\u2061'],
  ['tag space', '\u{e0020}'],
  ['shorthand format letter overlap', '\u{1bca0}'],
]

// Where the character sits, and in which default region the text is read: the agent's region is
// never the number's, so losing the country code would give a wrong national number.
const PLACES: Array<{ region: CorpusCase['region']; text: (c: string) => string; e164: string }> = [
  // After the country code: the report's example.
  { region: 'US', text: (c) => `+49${c}30 12345678`, e164: '+493012345678' },
  // Inside the national number, in place of its spaces.
  { region: 'DE', text: (c) => `+44 20${c}7946${c}0958`, e164: '+442079460958' },
  // Around the whole number, as copied from a chat message.
  { region: 'ES', text: (c) => `${c}+33 6 12 34 56 78${c}`, e164: '+33612345678' },
]

export const invisibleCharacters: CorpusCase[] = [
  ...PLACES.flatMap((place) =>
    CHARACTERS.map(([, c]) => ({ region: place.region, text: place.text(c), expect: numbers(place.e164) })),
  ),
  // Right after the plus sign, and between the digits of the country code.
  { region: 'US', text: '+\u200d49 30 12345678', expect: numbers('+493012345678') },
  { region: 'US', text: '+4\u200b9 30 12345678', expect: numbers('+493012345678') },
  { region: 'FR', text: '+\ufeff44 20 7946 0958', expect: numbers('+442079460958') },
  { region: 'GB', text: '+1\u2060 415 555 0132', expect: numbers('+14155550132') },
  // National numbers with odd spaces, in their own region.
  { region: 'GB', text: '020\u20097946\u20090958', expect: numbers('+442079460958') },
  { region: 'DE', text: '030\u202f12345678', expect: numbers('+493012345678') },
  { region: 'FR', text: '06\u202f12\u202f34\u202f56\u202f78', expect: numbers('+33612345678') },
  { region: 'ES', text: '612\u00a034\u00a056\u00a078', expect: numbers('+34612345678') },
  { region: 'US', text: '(415)\u2007555\u20110132', expect: numbers('+14155550132') },
  // In a sentence, with other words around.
  { region: 'US', text: 'Call Klaus on +49\u200d30\u200d12345678 tomorrow', expect: numbers('+493012345678') },
  {
    region: 'ES',
    text: 'Tel.\u00a0:\u202f+33\u202f1\u202f42\u202f68\u202f53\u202f00',
    expect: numbers('+33142685300'),
  },
  // Full-width digits and plus, as typed with a CJK input method.
  { region: 'US', text: '＋４４\u3000２０\u3000７９４６\u3000０９５８', expect: numbers('+442079460958') },
]
