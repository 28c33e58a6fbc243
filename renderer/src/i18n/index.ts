import { createI18n } from 'vue-i18n'
import type { UiLanguage } from '@shared/schemas/settings'
import en from './en'
import es from './es'

export type MessageSchema = typeof en

let current: ReturnType<typeof createAppI18n> | null = null

export function createAppI18n(locale: UiLanguage = 'en') {
  const i18n = createI18n<[MessageSchema], UiLanguage, false>({
    legacy: false,
    locale,
    fallbackLocale: 'en',
    messages: { en, es },
  })
  current = i18n
  return i18n
}

/**
 * The UI's language now: the locale of the app's i18n (the last one created), which useAppChrome
 * sets from the settings. For code outside components, such as the schema adapter of every form.
 */
export function uiLanguage(): UiLanguage {
  return current?.global.locale.value ?? 'en'
}

/** The app's translations, for code outside components (a composable's question, a toast). */
export function i18nGlobal(): ReturnType<typeof createAppI18n>['global'] {
  if (!current) throw new Error('i18n is not created yet')
  return current.global
}
