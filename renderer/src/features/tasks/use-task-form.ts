import type { Ref } from 'vue'
import { computed, onBeforeUnmount, onMounted, ref } from 'vue'
import { useForm } from 'vee-validate'
import type { z } from 'zod'
import type { TaskIntent } from '@shared/schemas/intents'
import type { Status } from '../../components/StatusMessage.vue'
import { askToConfirm } from '../../components/confirm-service'
import { formPath, provideFieldRegistry } from '../../forms/field-registry'
import { focusFirstInvalid } from '../../forms/focus-invalid'
import { groupByPath, toTypedSchema } from '../../forms/typed-schema'
import { i18nGlobal, uiLanguage } from '../../i18n'
import { localizeSchemaMessage } from '../../i18n/schema-messages'
import { useQueueStore } from '../../stores/queue-store'
import { useToastStore } from '../../stores/toast-store'
import { duplicateGuard } from './duplicate-guard'
import { focusFirstField, useTaskFormHost } from './task-form-host'

/** A popup of the component library (a select's list, a date picker) is open: Esc is for it. */
const popupOpen = () => document.querySelector('.el-popper[aria-hidden="false"], dialog[open]') !== null

/**
 * A quick-task form: validated as the agent types with the schema main applies, queued through
 * the outbox on submit, main's field issues (`intent.…`) put back on the fields, and the queued
 * task followed in place (beside the button, and in a toast) until its provider answers. The form
 * is cleared only once main says the task is queued, and the keyboard goes back to its first field.
 * A second identical task within a short while is asked about first; Esc clears the form.
 */
export function useTaskForm<S extends z.ZodType<TaskIntent>>(options: {
  schema: S
  initialValues: () => Partial<z.input<S>>
  formElement: Readonly<Ref<HTMLFormElement | null>>
  /** What to keep for the next task (e.g. the profile), the rest is cleared once queued. */
  keepAfterQueued?: (values: z.output<S>) => Partial<z.input<S>>
  /** Called once a task is queued (the quick-callback window starts over with an empty number). */
  afterQueued?: () => void
  /** Values the form starts with this once (what was typed before it loaded), over `initialValues`. */
  startValues?: Partial<z.input<S>>
}) {
  const queue = useQueueStore()
  const toasts = useToastStore()
  const status = ref<Status | null>(null)
  const lastTaskId = ref<string | null>(null)
  const form = useForm({
    validationSchema: toTypedSchema(options.schema),
    // vee-validate's deep-partial type of a generic schema's input cannot be matched generically.
    initialValues: { ...options.initialValues(), ...options.startValues } as never,
    keepValuesOnUnmount: true,
  })
  const { isShown } = provideFieldRegistry()
  useTaskFormHost(() => options.formElement.value)

  /** Errors on paths no control shows, listed beside the button so none is invisible. */
  const otherErrors = computed(() =>
    form.submitCount.value === 0
      ? []
      : Object.entries(form.errors.value as Record<string, string | undefined>)
          .filter(([path, message]) => message && !isShown(path))
          .map(([path, message]) => ({ path, message })),
  )

  /** Asks first when the same task was queued a moment ago (item 2); true to go on. */
  async function notATwin(intent: TaskIntent): Promise<boolean> {
    const twin = duplicateGuard.recent(intent, Date.now())
    if (!twin) return true
    const t = i18nGlobal().t
    return askToConfirm({
      title: t('shell.duplicate.title'),
      message: t('shell.duplicate.message', {
        kind: t(`tasks.kindNames.${intent.kind}`),
        seconds: Math.max(1, Math.round(twin.agoMs / 1000)),
        subject: subjectOf(intent),
      }),
      confirmLabel: t('shell.duplicate.confirm'),
    })
  }

  const onSubmit = form.handleSubmit(
    async (intent) => {
      if (!(await notATwin(intent))) {
        status.value = { kind: 'error', key: 'tasks.notQueuedTwin' }
        return
      }
      status.value = null
      lastTaskId.value = null
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
      duplicateGuard.remember(intent, Date.now())
      lastTaskId.value = result.value.id
      status.value = { kind: 'saved', key: 'tasks.queued' }
      toasts.show({
        taskId: result.value.id,
        key: 'tasks.toastQueued',
        params: { kind: i18nGlobal().t(`tasks.kindNames.${intent.kind}`), subject: result.value.subject },
      })
      form.resetForm({ values: { ...options.initialValues(), ...options.keepAfterQueued?.(intent) } as never })
      options.afterQueued?.()
      await focusFirstField(options.formElement.value)
    },
    async () => {
      status.value = { kind: 'error', key: 'forms.checkFields' }
      await focusFirstInvalid(options.formElement.value)
    },
  )

  /** Esc: start this task over (the profile and its choices stay), the keyboard on the first field. */
  async function clear(): Promise<void> {
    const kept = options.keepAfterQueued
      ? options.keepAfterQueued(form.values as z.output<S>)
      : ({} as Partial<z.input<S>>)
    form.resetForm({ values: { ...options.initialValues(), ...kept } as never })
    status.value = null
    await focusFirstField(options.formElement.value)
  }
  function onKey(event: KeyboardEvent): void {
    if (event.key !== 'Escape' || event.defaultPrevented || popupOpen()) return
    event.preventDefault()
    void clear()
  }
  onMounted(() => options.formElement.value?.addEventListener('keydown', onKey, true))
  onBeforeUnmount(() => options.formElement.value?.removeEventListener('keydown', onKey, true))

  const lastTask = computed(() => (lastTaskId.value ? queue.item(lastTaskId.value) : null))

  return { ...form, onSubmit, status, otherErrors, lastTask, clear }
}

/** A few words for the question about a twin: the number, the subject or the task name. */
function subjectOf(intent: TaskIntent): string {
  switch (intent.kind) {
    case 'outdial':
    case 'callback':
      return intent.destination
    case 'followUp':
      return intent.provider === 'egain' ? (intent.subject ?? intent.lookup.value) : intent.name
    case 'broadcast':
      return intent.provider === 'voice_broadcast' ? intent.text.slice(0, 40) : intent.taskName
  }
}
