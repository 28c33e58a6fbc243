import type { Ref } from 'vue'
import { computed, nextTick, onActivated, onBeforeUnmount, onMounted, ref, watch } from 'vue'
import { useForm, useSetFormErrors, type FormState, type GenericObject } from 'vee-validate'
import type { z } from 'zod'
import type { ProviderName } from '@shared/providers/registry'
import type { TaskIntent, TaskKind } from '@shared/schemas/intents'
import type { Status } from '../../components/StatusMessage.vue'
import { formPath, provideFieldRegistry } from '../../forms/field-registry'
import { focusFirstInvalid } from '../../forms/focus-invalid'
import { formSchema, groupByPath } from '../../forms/typed-schema'
import { useMessageText } from '../../i18n/message-text'
import { useQueueStore } from '../../stores/queue-store'
import { formDraft, takeDraft, type FormDraft } from '../quick-entry/form-draft'
import { useQueueTask } from './queue-task'
import { focusFirstField, useTaskFormHost } from './task-form-host'

/** A popup of the component library (a select's list, a date picker) is open: Esc is for it. */
const popupOpen = () => document.querySelector('.el-popper[aria-hidden="false"], dialog[open]') !== null

/** Some of a form's values, at any depth: what a form starts from or keeps (vee-validate's own type). */
export type SomeValues<Values extends GenericObject> = FormState<Values>['values']

/**
 * `base` with `top`'s values over it, one level deep as a spread. `top` may be a quick-entry draft's
 * values, which are untyped: the form validates them with its schema as soon as it takes them.
 */
const over = <V extends GenericObject>(base: SomeValues<V>, top: object | undefined) => Object.assign({}, base, top)

/**
 * A quick-task form: validated as the agent types with the schema main applies, queued through
 * the outbox on submit, main's field issues (`intent.…`) put back on the fields, and the queued
 * task followed in place (beside the button, and in a toast) until its provider answers. The form
 * is cleared only once main says the task is queued, and the keyboard goes back to its first field.
 * A second identical task within a short while is asked about first; Esc clears the form.
 */
export function useTaskForm<Values extends GenericObject, Intent extends TaskIntent>(options: {
  /** What the form holds (`Values`) and the intent it stands for: main's schema, or one built on it. */
  schema: z.ZodType<Intent, Values>
  /** The quick-entry drafts this form takes: its task kind, and its provider where a kind has one form per provider. */
  takes: { kind: TaskKind; provider?: ProviderName }
  initialValues: () => SomeValues<NoInfer<Values>>
  formElement: Readonly<Ref<HTMLFormElement | null>>
  /**
   * What to keep for the next task (e.g. the profile), the rest is cleared: from the task once it is
   * queued, and from the values as they are when Esc starts the form over.
   */
  keepAfterQueued?: (from: NoInfer<Intent> | NoInfer<Values>) => SomeValues<NoInfer<Values>>
  /** Called once a task is queued (the quick-callback window starts over with an empty number). */
  afterQueued?: () => void
  /** Values the form starts with this once (what was typed before it loaded), over `initialValues`. */
  startValues?: SomeValues<NoInfer<Values>>
  /** A task from the quick entry was put into the form (what the values cannot hold, such as a list). */
  onDraft?: (draft: FormDraft) => void
}) {
  const queue = useQueueStore()
  const queueTask = useQueueTask()
  const say = useMessageText()
  const status = ref<Status | null>(null)
  const lastTaskId = ref<string | null>(null)
  const form = useForm<Values, Intent>({
    validationSchema: formSchema(options.schema),
    initialValues: over(options.initialValues(), options.startValues),
    keepValuesOnUnmount: true,
  })
  // Main's issues name their paths as text: vee-validate's own setter by path takes them as they are.
  const setErrors = useSetFormErrors()
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

  const submit = form.handleSubmit(
    async (intent) => {
      status.value = null
      const outcome = await queueTask(intent)
      if (outcome.kind === 'declined') {
        status.value = { kind: 'error', key: 'tasks.notQueuedTwin' }
        return
      }
      lastTaskId.value = null
      if (outcome.kind === 'refused') {
        const { issues, message } = outcome.error
        if (issues) {
          const onIntent = issues
            .filter((issue) => issue.path[0] === 'intent')
            .map((issue) => ({ ...issue, path: issue.path.slice(1) }))
          setErrors(Object.fromEntries(groupByPath(onIntent).map((e) => [formPath(e.path ?? ''), e.errors])))
        }
        status.value = {
          kind: 'error',
          key: 'tasks.failed',
          params: { message: say(message) },
        }
        await focusFirstInvalid(options.formElement.value)
        return
      }
      lastTaskId.value = outcome.item.id
      status.value = { kind: 'saved', key: 'tasks.queued' }
      form.resetForm({ values: over(options.initialValues(), options.keepAfterQueued?.(intent)) })
      options.afterQueued?.()
      await focusFirstField(options.formElement.value)
    },
    async () => {
      status.value = { kind: 'error', key: 'forms.checkFields' }
      await focusFirstInvalid(options.formElement.value)
    },
  )

  /**
   * Enter. A second Enter pressed in a hurry lands on the form just emptied after its task was
   * queued: there is nothing to queue and nothing to complain about, and the task it repeats stays
   * shown below the button (a "fields need attention" there would hide it and alarm the agent).
   */
  async function onSubmit(event?: Event): Promise<void> {
    if (lastTaskId.value && status.value?.kind === 'saved' && !form.meta.value.dirty) {
      event?.preventDefault()
      return
    }
    // Awaited, not returned: vee-validate types the submit as a promise of the handler's promise,
    // which TypeScript took for Promise<void> or not depending on the order it checked the files in.
    await submit(event)
  }

  /** Esc: start this task over (the profile and its choices stay), the keyboard on the first field. */
  async function clear(): Promise<void> {
    const kept = options.keepAfterQueued ? options.keepAfterQueued(form.values) : {}
    form.resetForm({ values: over(options.initialValues(), kept) })
    status.value = null
    await focusFirstField(options.formElement.value)
  }
  function onKey(event: KeyboardEvent): void {
    if (event.key !== 'Escape' || event.defaultPrevented || popupOpen()) return
    // In the small windows Esc closes the window (their own handler), as it always has.
    if (options.formElement.value?.closest('.desk-window')) return
    event.preventDefault()
    void clear()
  }
  onMounted(() => options.formElement.value?.addEventListener('keydown', onKey, true))
  onBeforeUnmount(() => options.formElement.value?.removeEventListener('keydown', onKey, true))

  const lastTask = computed(() => (lastTaskId.value ? queue.item(lastTaskId.value) : null))

  // A task read by the quick entry (Tab): the form takes it, shows every problem at once, and puts
  // the keyboard on the first one (or on the first field when there is none).
  async function takeQuickDraft(): Promise<void> {
    const draft = takeDraft(options.takes.kind, options.takes.provider)
    if (!draft) return
    form.resetForm({ values: over(options.initialValues(), draft.values) })
    options.onDraft?.(draft)
    status.value = null
    await nextTick()
    const { valid } = await form.validate()
    if (valid) await focusFirstField(options.formElement.value)
    else await focusFirstInvalid(options.formElement.value)
  }
  onMounted(() => void takeQuickDraft())
  onActivated(() => void takeQuickDraft())
  watch(formDraft, () => void takeQuickDraft())

  return { ...form, onSubmit, status, otherErrors, lastTask, clear }
}
