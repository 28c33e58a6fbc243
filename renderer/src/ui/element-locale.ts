import type { Language } from 'element-plus/es/locale'
import en from 'element-plus/es/locale/lang/en'
import es from 'element-plus/es/locale/lang/es'
import type { UiLanguage } from '@shared/schemas/settings'

/** The component library's own strings (date picker months, "No data"...) in the app's language. */
export function elementLocale(language: UiLanguage): Language {
  return language === 'es' ? es : en
}
