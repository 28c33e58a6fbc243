import type { ComputedRef } from 'vue'
import { computed } from 'vue'
import { useFieldValue, useFormContext } from 'vee-validate'
import type { Choice, ChoiceKind } from '@shared/schemas/choices'
import { useChoicesStore } from '../../../stores/choices-store'

/**
 * What a provider's profile fields need for their lists: the saved profile's id (none while the
 * profile is new), the suggestions of each list, and a way to fill a row's other fields from the
 * choice taken (its name as the row's label when the label is still empty).
 */
export function useProfileChoices() {
  const profileId = useFieldValue<string | undefined>('id')
  const store = useChoicesStore()
  const form = useFormContext()
  const options = (kind: ChoiceKind): ComputedRef<readonly Choice[]> =>
    computed(() => (profileId.value ? (store.list(profileId.value, kind)?.choices ?? []) : []))
  function fillRow(rowPath: string, fields: Record<string, string>, choice: Choice): void {
    const labelPath = `${rowPath}.label`
    if (!String(readPath(form.values, labelPath) ?? '').trim() && choice.name) {
      form.setFieldValue(labelPath, choice.name.slice(0, 60))
    }
    for (const [field, value] of Object.entries(fields)) form.setFieldValue(`${rowPath}.${field}`, value)
  }
  return { profileId, options, fillRow }
}

/** `entryPoints[2].label` read from the form's values. */
function readPath(values: unknown, path: string): unknown {
  return path
    .replace(/\[(\d+)\]/g, '.$1')
    .split('.')
    .reduce<unknown>(
      (at, key) => (at && typeof at === 'object' ? (at as Record<string, unknown>)[key] : undefined),
      values,
    )
}
