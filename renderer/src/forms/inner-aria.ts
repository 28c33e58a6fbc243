import type { Ref } from 'vue'
import { computed, onMounted, onUpdated, watch } from 'vue'

/** What a field says about itself, stated on the element the agent focuses. */
export type InnerAttributes = Record<string, string | undefined>

/**
 * Element Plus selects, pickers and number inputs keep the `<input>` the agent focuses inside a
 * wrapper, and pass the attributes they are given to that wrapper (ElSelect, ElInputNumber) or to
 * their popper (ElDatePicker, ElTimePicker), not to the input. So a `<label for>` can miss, a screen
 * reader does not hear the error, and `focusFirstInvalid` (which looks for `[aria-invalid="true"]`)
 * finds a wrapper it cannot focus, or nothing.
 *
 * This states the field's own attributes on the focusable element(s) inside `container` that match
 * `selector`: `id` on the first only (ids are unique), the others on each; `undefined` removes one.
 * Give these attributes here, not to the Element Plus component, so no wrapper carries them too.
 */
export function useInnerAria(
  container: Readonly<Ref<HTMLElement | null | undefined>>,
  attributes: () => InnerAttributes,
  selector = 'input',
): void {
  const apply = () => {
    const wanted = attributes()
    const targets = container.value?.querySelectorAll<HTMLElement>(selector) ?? []
    targets.forEach((target, index) => {
      for (const [name, value] of Object.entries(wanted)) {
        if (name === 'id' && index > 0) continue
        if (value === undefined) target.removeAttribute(name)
        else if (target.getAttribute(name) !== value) target.setAttribute(name, value)
      }
    })
  }
  onMounted(apply)
  // The host re-rendered (a row added, a branch shown): its inputs may be new.
  onUpdated(apply)
  watch([attributes, container], apply, { flush: 'post' })
}

/**
 * The usual set for one field: its id (for the label), whether it is invalid, and what describes it
 * (help, error), with optional extras such as `aria-labelledby` or `autocomplete`.
 */
export function useFieldInnerAria(
  container: Readonly<Ref<HTMLElement | null | undefined>>,
  field: {
    id: string
    invalid: () => boolean
    describedBy: () => string | undefined
    extra?: () => InnerAttributes
  },
  selector = 'input',
): void {
  const attributes = computed<InnerAttributes>(() => ({
    id: field.id,
    'aria-invalid': field.invalid() ? 'true' : 'false',
    'aria-describedby': field.describedBy() || undefined,
    ...field.extra?.(),
  }))
  useInnerAria(container, () => attributes.value, selector)
}
