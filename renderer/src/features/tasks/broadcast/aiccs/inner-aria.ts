import type { Ref } from 'vue'
import { onMounted, onUpdated, watch } from 'vue'

/**
 * Element Plus pickers and number inputs put their own attributes on a wrapper, not on the <input>
 * the agent types in; this puts the field's state there (aria-invalid, aria-describedby), so screen
 * readers hear it and `focusFirstInvalid` finds the control.
 */
export function useInnerAria(
  container: Readonly<Ref<HTMLElement | null>>,
  attributes: () => Record<string, string | undefined>,
  selector = 'input',
): void {
  const apply = () => {
    const wanted = attributes()
    for (const input of container.value?.querySelectorAll<HTMLElement>(selector) ?? []) {
      for (const [name, value] of Object.entries(wanted)) {
        if (value === undefined) input.removeAttribute(name)
        else if (input.getAttribute(name) !== value) input.setAttribute(name, value)
      }
    }
  }
  onMounted(apply)
  onUpdated(apply)
  watch(attributes, apply, { flush: 'post' })
}
