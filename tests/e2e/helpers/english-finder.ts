// Finds English sentences in a window's visible text: a line that holds one of English's most
// frequent function words, as a whole word, is English. Spanish has none of these words (its own
// "a", "no", "de", "con", "es" are left out on purpose), so a Spanish sentence passes, and so do
// product names (Webex Contact Center, Amazon Connect), ids, numbers and the provider's own words,
// which the caller leaves out of the text it gives (they are never ours to translate).

export const ENGLISH_FUNCTION_WORDS = [
  'the',
  'and',
  'is',
  'are',
  'was',
  'were',
  'to',
  'your',
  'you',
  'this',
  'that',
  'these',
  'not',
  'of',
  'for',
  'with',
  'it',
  'its',
  'be',
  'been',
  'has',
  'have',
  'will',
  'could',
  'cannot',
  'from',
  'by',
  'an',
  'or',
  'on',
  'at',
  'in',
  'if',
  'then',
  'there',
  'here',
  'what',
  'which',
  'when',
  'only',
  'again',
  'yet',
  'any',
  'every',
  'nothing',
  'waiting',
  'sent',
  'needs',
] as const

const WORD = new RegExp(`(?<![\\p{L}\\p{N}_.@/-])(${ENGLISH_FUNCTION_WORDS.join('|')})(?![\\p{L}\\p{N}_@/-])`, 'iu')

/** The lines of `text` that read as English, each with the word that gave it away. */
export function englishSentences(text: string): { line: string; word: string }[] {
  const found: { line: string; word: string }[] = []
  for (const raw of text.split(/\n+/)) {
    const line = raw.trim()
    const match = WORD.exec(line)
    if (match) found.push({ line, word: match[1]!.toLowerCase() })
  }
  return found
}
