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

/**
 * One job per message of these sections, each compiling it (for `inBackground`, ahead of need):
 * vue-i18n compiles a message the first time it is shown, about a millisecond each, which the first
 * open of a long list would otherwise pay for every message its rows use.
 */
export function messageWarmers(sections: readonly (keyof MessageSchema)[]): (() => void)[] {
  if (!current) return []
  const global = current.global
  const jobs: (() => void)[] = []
  const walk = (node: unknown, path: string): void => {
    if (typeof node === 'string') jobs.push(() => void global.t(path, {}, { missingWarn: false, fallbackWarn: false }))
    else if (node && typeof node === 'object')
      for (const [key, child] of Object.entries(node)) walk(child, `${path}.${key}`)
  }
  for (const section of sections) walk(global.getLocaleMessage(global.locale.value)[section], section)
  return jobs
}
