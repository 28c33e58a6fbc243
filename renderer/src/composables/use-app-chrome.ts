import { computed, onMounted, watch } from 'vue'
import { useI18n } from 'vue-i18n'
import { useSettingsStore } from '../stores/settings-store'
import { useTheme } from './use-theme'

/** What every Callboard window does: load the settings, follow their theme and language. */
export function useAppChrome(): ReturnType<typeof useSettingsStore> {
  const settings = useSettingsStore()
  const { locale } = useI18n()
  useTheme(computed(() => settings.settings?.theme))
  watch(
    () => settings.settings?.uiLanguage,
    (language) => {
      if (language) {
        locale.value = language
        document.documentElement.lang = language
      }
    },
    { immediate: true },
  )
  onMounted(() => settings.load())
  return settings
}
