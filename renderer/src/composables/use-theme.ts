import type { Ref } from 'vue'
import { onScopeDispose, watchEffect, ref } from 'vue'
import type { Theme } from '@shared/schemas/settings'

/** Applies the chosen theme to <html data-theme>, following the OS when set to `system`. */
export function useTheme(theme: Ref<Theme | undefined>): void {
  const media = window.matchMedia('(prefers-color-scheme: dark)')
  const systemDark = ref(media.matches)
  const onChange = (event: MediaQueryListEvent) => (systemDark.value = event.matches)
  media.addEventListener('change', onChange)
  onScopeDispose(() => media.removeEventListener('change', onChange))

  watchEffect(() => {
    const chosen = theme.value ?? 'system'
    const resolved = chosen === 'system' ? (systemDark.value ? 'dark' : 'light') : chosen
    document.documentElement.dataset['theme'] = resolved
    // Element Plus keys its dark variables on `html.dark`.
    document.documentElement.classList.toggle('dark', resolved === 'dark')
  })
}
