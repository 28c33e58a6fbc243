import type { InjectionKey, MaybeRefOrGetter } from 'vue'
import { inject, onBeforeUnmount, provide, reactive, toValue, watch } from 'vue'

/** vee-validate's spelling of a path: `a.0.b` → `a[0].b`. */
export const formPath = (path: string) => path.replace(/\.(\d+)(?=\.|$)/g, '[$1]')

const registryKey: InjectionKey<Map<string, number>> = Symbol('field-registry')

/**
 * Which paths a form shows a control (or a list) for. Errors on any other path, such as one main
 * reports on the profile as a whole, would otherwise be invisible, so the form lists them itself.
 */
export function provideFieldRegistry(): { isShown: (path: string) => boolean } {
  const shown = reactive(new Map<string, number>())
  provide(registryKey, shown)
  return { isShown: (path) => (shown.get(formPath(path)) ?? 0) > 0 }
}

/** Called by every field component with the path it edits. */
export function registerField(path: MaybeRefOrGetter<string>): void {
  const shown = inject(registryKey, null)
  if (!shown) return
  const add = (p: string) => shown.set(p, (shown.get(p) ?? 0) + 1)
  const drop = (p: string) => {
    const count = (shown.get(p) ?? 0) - 1
    if (count > 0) shown.set(p, count)
    else shown.delete(p)
  }
  watch(
    () => formPath(toValue(path)),
    (next, previous) => {
      if (previous !== undefined) drop(previous)
      add(next)
    },
    { immediate: true },
  )
  onBeforeUnmount(() => drop(formPath(toValue(path))))
}
