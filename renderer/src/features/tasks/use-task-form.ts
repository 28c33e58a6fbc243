import type { Ref } from 'vue'
import { computed, ref } from 'vue'
import { useForm } from 'vee-validate'
import type { z } from 'zod'
import type { TaskIntent } from '@shared/schemas/intents'
import type { Status } from '../../components/StatusMessage.vue'
import { formPath, provideFieldRegistry } from '../../forms/field-registry'
import { focusFirstInvalid } from '../../forms/focus-invalid'
import { groupByPath, toTypedSchema } from '../../forms/typed-schema'
import { uiLanguage } from '../../i18n'
import { localizeSchemaMessage } from '../../i18n/schema-messages'
import { useQueueStore } from '../../stores/queue-store'

/**
 * A quick-task form: validated as the agent types with the schema main applies, queued through
 * the outbox on submit, main's field issues (`intent.…`) put back on the fields, and the queued
 * task followed in place until its provider answers.
 */
export function useTaskForm<S extends z.ZodType<TaskIntent>>(options: {
  schema: S
  initialValues: () => Partial<z.input<S>>
  formElement: Readonly<Ref<HTMLFormElement | null>>
  /** What to keep for the next task (e.g. the profile), the rest is cleared once queued. */
  keepAfterQueued?: (values: z.output<S>) => Partial<z.input<S>>
}) {
  const queue = useQueueStore()
  const status = ref<Status | null>(null)
  const lastTaskId = ref<string | null>(null)
  const form = useForm({
    validationSchema: toTypedSchema(options.schema),
    // vee-validate's deep-partial type of a generic schema's input cannot be matched generically.
    initialValues: options.initialValues() as never,
    keepValuesOnUnmount: true,
  })
  const { isShown } = provideFieldRegistry()

  /** Errors on paths no control shows, listed beside the button so none is invisible. */
  const otherErrors = computed(() =>
    form.submitCount.value === 0
      ? []
      : Object.entries(form.errors.value as Record<string, string | undefined>)
          .filter(([path, message]) => message && !isShown(path))
          .map(([path, message]) => ({ path, message })),
  )

  const onSubmit = form.handleSubmit(
    async (intent) => {
      status.value = null
      const result = await queue.submit(intent)
      if (!result.ok) {
        const { issues, message } = result.error
        if (issues) {
          const onIntent = issues
            .filter((issue) => issue.path[0] === 'intent')
            .map((issue) => ({ ...issue, path: issue.path.slice(1) }))
          form.setErrors(
            Object.fromEntries(groupByPath(onIntent).map((e) => [formPath(e.path ?? ''), e.errors])) as never,
          )
        }
        // Main's refusal is often a schema message (the provider's rules, in English in shared/).
        status.value = {
          kind: 'error',
          key: 'tasks.failed',
          params: { message: localizeSchemaMessage(message, uiLanguage()) },
        }
        await focusFirstInvalid(options.formElement.value)
        return
      }
      lastTaskId.value = result.value.id
      status.value = { kind: 'saved', key: 'tasks.queued' }
      form.resetForm({ values: { ...options.initialValues(), ...options.keepAfterQueued?.(intent) } as never })
    },
    async () => {
      status.value = { kind: 'error', key: 'forms.checkFields' }
      await focusFirstInvalid(options.formElement.value)
    },
  )

  const lastTask = computed(() => (lastTaskId.value ? queue.item(lastTaskId.value) : null))

  return { ...form, onSubmit, status, otherErrors, lastTask }
}
