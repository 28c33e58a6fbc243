// Text copied from web pages, PDFs, chat apps and RTL mail carries characters the agent cannot see
// (zero-width joiners, byte-order marks, soft hyphens, variation selectors, direction marks) and
// spaces that are not U+0020 (narrow no-break, thin, figure, ideographic). libphonenumber reads
// neither: it stops at the invisible character and reads what follows as a national number of the
// default region, so `+49<ZWJ>30 12345678` became the US number +1 301 234 5678. They are folded
// by Unicode category, not by a list, so characters added to those categories later are folded too.
//
// One code unit in, one out: offsets into the folded text are offsets into the original, so a
// candidate's `raw` is always the text as the agent copied it.

/** Line and paragraph separators, and NEL: a line break to a reader. */
const LINE_BREAK = /[\u2028\u2029\u0085]/

// Format characters and everything Unicode says to render as nothing; space separators; line
// separators; full-width ASCII; Arabic-Indic digits.
const FOLDABLE =
  /[\p{Cf}\p{Default_Ignorable_Code_Point}\p{Zs}\u2028\u2029\u0085\uFF01-\uFF5E\u0660-\u0669\u06F0-\u06F9]/gu

function foldOne(c: string): string {
  const code = c.charCodeAt(0)
  // Full-width ASCII (＋４４（０）): what CJK input methods type.
  if (code >= 0xff01 && code <= 0xff5e) return String.fromCharCode(code - 0xfee0)
  // Arabic-Indic and Extended Arabic-Indic digits.
  if (code >= 0x0660 && code <= 0x0669) return String(code - 0x0660)
  if (code >= 0x06f0 && code <= 0x06f9) return String(code - 0x06f0)
  if (LINE_BREAK.test(c)) return '\n'
  // A space separator or an invisible character, of one code unit or two (a surrogate pair).
  return ' '.repeat(c.length)
}

/**
 * Every space separator (`\p{Zs}`) becomes a plain space, every format or default-ignorable
 * character (`\p{Cf}`, which holds the direction controls too) a space, line separators a newline,
 * full-width ASCII and Arabic-Indic digits their ASCII selves. Direction controls are folded here
 * like any invisible character; whether the text around them may be read at all is decided apart
 * (bidi-spans.ts), on the original text.
 */
export function foldPhoneText(text: string): string {
  return text.replace(FOLDABLE, foldOne)
}
