import type { VoiceBroadcastIntent } from '@shared/schemas/intents'

export type VoiceLanguage = VoiceBroadcastIntent['lan']

// The voice platform's 14 TTS languages, by their platform codes, with the BCP 47 language each one is.
export const VOICE_LANGUAGES = {
  VN: 'vi',
  EN: 'en',
  JP: 'ja',
  ARB: 'ar',
  DE: 'de',
  IN: 'hi',
  IT: 'it',
  KR: 'ko',
  RU: 'ru',
  ES: 'es',
  PT: 'pt',
  IDN: 'id',
  BD: 'bn',
  TH: 'th',
} as const satisfies Record<VoiceLanguage, string>

/** English names, used where the runtime has no language names of its own. */
const ENGLISH: Record<VoiceLanguage, string> = {
  VN: 'Vietnamese',
  EN: 'English',
  JP: 'Japanese',
  ARB: 'Arabic',
  DE: 'German',
  IN: 'Hindi',
  IT: 'Italian',
  KR: 'Korean',
  RU: 'Russian',
  ES: 'Spanish',
  PT: 'Portuguese',
  IDN: 'Indonesian',
  BD: 'Bangla',
  TH: 'Thai',
}

export interface LanguageOption {
  value: VoiceLanguage
  bcp47: string
  native: string
  english: string
  /** Both names, so the picker finds the language by either. */
  label: string
}

function nameOf(code: string, inLocale: string): string | undefined {
  try {
    return new Intl.DisplayNames([inLocale], { type: 'language', fallback: 'none' }).of(code) ?? undefined
  } catch {
    return undefined
  }
}

const capitalize = (name: string, locale: string) => name.charAt(0).toLocaleUpperCase(locale) + name.slice(1)

export function languageOptions(): LanguageOption[] {
  return (Object.entries(VOICE_LANGUAGES) as [VoiceLanguage, string][]).map(([value, bcp47]) => {
    const english = nameOf(bcp47, 'en') ?? ENGLISH[value]
    const native = capitalize(nameOf(bcp47, bcp47) ?? english, bcp47)
    const label = native === english ? english : `${native} · ${english}`
    return { value, bcp47, native, english, label }
  })
}

/** The best voice of this computer for a language: its own default, then a local one, then any. */
export function voiceFor(voices: readonly SpeechSynthesisVoice[], bcp47: string): SpeechSynthesisVoice | undefined {
  // Some systems still tag Indonesian voices with the withdrawn code `in`.
  const wanted = bcp47 === 'id' ? ['id', 'in'] : [bcp47]
  const matching = voices.filter((v) => wanted.includes(v.lang.replace('_', '-').split('-')[0]!.toLowerCase()))
  return matching.find((v) => v.default) ?? matching.find((v) => v.localService) ?? matching[0]
}
