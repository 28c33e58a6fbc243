import { nextTick } from 'vue'

/** After a refused submit, put the keyboard on the first field that needs attention. */
export async function focusFirstInvalid(form: HTMLElement | null): Promise<void> {
  await nextTick()
  form?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus()
}
