import type { Ref } from 'vue'
import { computed, toRef, useId } from 'vue'
import { useField } from 'vee-validate'
import { registerField } from './field-registry'

/**
 * What every field component needs: an id, the vee-validate field bound to `name` and holding a `T`
 * (text unless the field says otherwise), registration (so errors on paths no field shows are still
 * surfaced), and the aria-describedby list.
 */
export function useFormField<T = string>(props: { name: string; help?: string | undefined }) {
  const id = useId()
  const path = toRef(props, 'name')
  const { value, errorMessage, handleBlur } = useField<T>(path)
  registerField(path)
  const describedBy = computed(
    () =>
      [props.help ? `${id}-help` : '', errorMessage.value ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined,
  )
  return { id, value: value as Ref<T>, errorMessage, handleBlur, describedBy }
}
