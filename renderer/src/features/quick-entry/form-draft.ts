import { shallowRef } from 'vue'
import type { TaskKind } from '@shared/schemas/intents'

/**
 * A task the quick entry read, handed to its full form (Tab): the form's values, and for a
 * broadcast the numbers as text for its list box. The form of that kind takes it once.
 */
export interface FormDraft {
  kind: TaskKind
  provider?: string
  values: Record<string, unknown>
  pastedNumbers?: string | null
}

export const formDraft = shallowRef<FormDraft | null>(null)

export function offerDraft(draft: FormDraft): void {
  formDraft.value = draft
}

/** The draft for a form of this kind (and provider, where a kind has one form per provider), once. */
export function takeDraft(kind: TaskKind, provider?: string): FormDraft | null {
  const draft = formDraft.value
  if (!draft || draft.kind !== kind || (provider && draft.provider && draft.provider !== provider)) return null
  formDraft.value = null
  return draft
}
