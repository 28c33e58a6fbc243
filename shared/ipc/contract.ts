import { z } from 'zod'
import { AppInfo } from '../schemas/app-info'
import { SettingsPatch, SettingsState } from '../schemas/settings'
import type { EventChannel, InvokeChannel } from './channels'

/** No argument: the renderer calls `callboard.app.info()`. */
export const NoInput = z.undefined({ error: 'This call takes no argument.' })

/** Default cap on one call's input, as serialized JSON; a channel that carries more says so. */
export const DEFAULT_MAX_INPUT_BYTES = 64 * 1024

export interface InvokeSpec {
  input: z.ZodType
  output: z.ZodType
  /** Inputs larger than this are refused before parsing (JSON-serialized bytes). */
  maxInputBytes?: number
  summary: string
}

/**
 * Every invoke channel with its input and output schema. A channel that is not here does not
 * exist: main registers exactly these, and the preload exposes exactly these.
 */
export const invokes = {
  'app:info': {
    input: NoInput,
    output: AppInfo,
    summary: 'Name, version and platform of the running app.',
  },
  'settings:get': {
    input: NoInput,
    output: SettingsState,
    summary: 'Current settings, and a notice if the settings file had to be moved aside.',
  },
  'settings:update': {
    input: SettingsPatch,
    output: SettingsState,
    summary: 'Change some settings; the file is written atomically before this answers.',
  },
} satisfies Record<InvokeChannel, InvokeSpec>

/** Every event main pushes to the renderer, with its payload schema. */
export const events = {
  'settings:changed': SettingsState,
} satisfies Record<EventChannel, z.ZodType>

export type Invokes = typeof invokes
export type Events = typeof events

export type InvokeInput<C extends InvokeChannel> = z.input<Invokes[C]['input']>
export type InvokeOutput<C extends InvokeChannel> = z.output<Invokes[C]['output']>
export type EventPayload<E extends EventChannel> = z.output<Events[E]>
