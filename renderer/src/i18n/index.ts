import { createI18n } from 'vue-i18n'
import type { UiLanguage } from '@shared/schemas/settings'
import en from './en'
import es from './es'

export type MessageSchema = typeof en

export function createAppI18n(locale: UiLanguage = 'en') {
  return createI18n<[MessageSchema], UiLanguage>({
    legacy: false,
    locale,
    fallbackLocale: 'en',
    messages: { en, es },
  })
}
