import { z } from 'zod'
import { AppInfo } from '../schemas/app-info'
import { DesktopStatus, DialCandidate, DialChoice, DialRef, DialRequest } from '../schemas/dial'
import { ChoiceList, ChoicesQuery } from '../schemas/choices'
import { ConnectionTestResult } from '../schemas/connection-test'
import { CredentialStatus, ProfileRef, ProfileSummary, SetCredentials } from '../schemas/credentials'
import { KeychainHealth } from '../schemas/keychain'
import { ProfileDraft } from '../schemas/profiles'
import { ProfileId } from '../schemas/providers'
import { SandboxSimulate, SandboxState } from '../schemas/sandbox'
import { SettingsPatch, SettingsState } from '../schemas/settings'
import { SignInStatus, StartSignIn } from '../schemas/sign-in'
import { SubmitTask } from '../schemas/tasks'
import { SubmitAnswer } from '../schemas/repeat'
import { UpdateStatus } from '../schemas/updates'
import { DiagnosticsFile, ExportDiagnostics } from '../schemas/diagnostics'
import { PolicyState } from '../schemas/policy'
import { ProxyRef, ProxySignInState, SetProxySignIn } from '../schemas/proxy-sign-in'
import { HistoryQuery, QueueChanged, QueueItem, QueueStopped, ResolveReview, TaskRef } from '../schemas/outbox'
import { HistoryPage, QueuePage, QueueQuery } from '../schemas/list-pages'
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
  'profiles:list': {
    input: NoInput,
    output: z.array(ProfileSummary),
    summary: 'Every provider profile with the state of its credentials (never the credentials).',
  },
  'profiles:save': {
    input: ProfileDraft,
    output: ProfileSummary,
    summary: 'Add a profile (no id) or replace one (with its id); answers with the saved profile.',
  },
  'profiles:remove': {
    input: ProfileRef,
    output: z.object({ profileId: ProfileId }).strict(),
    summary: 'Remove a profile and its secrets from the keychain; refused while the keychain is unavailable.',
  },
  'profiles:test': {
    input: ProfileRef,
    output: ConnectionTestResult,
    summary:
      "Test connection: one authenticated request that creates nothing; the outcome, and the provider's own answer on failure.",
  },
  'choices:list': {
    input: ChoicesQuery,
    output: ChoiceList,
    summary:
      "Ids the profile's provider can list (entry points, outdial ANIs, contact flows, …): cached with the time fetched, fetched again on refresh; a failed fetch keeps the cached list and says why.",
  },
  'credentials:status': {
    input: ProfileRef,
    output: CredentialStatus,
    summary: "Whether a profile's secret is stored: stored, missing, keychain_locked or keychain_unavailable.",
  },
  'credentials:set': {
    input: SetCredentials,
    output: CredentialStatus,
    summary: "Store a profile's secret in the OS keychain (write-only: it is never sent back).",
  },
  'credentials:clear': {
    input: ProfileRef,
    output: CredentialStatus,
    summary: "Delete a profile's secret and any cached access token from the keychain.",
  },
  'signin:start': {
    input: StartSignIn,
    output: SignInStatus,
    summary:
      'Sign a profile in through its identity provider: opens the system browser (or shows a device code); the outcome follows as signin:changed.',
  },
  'signin:cancel': {
    input: ProfileRef,
    output: SignInStatus,
    summary: 'Stop a sign-in that is under way; nothing is signed in.',
  },
  'signin:signOut': {
    input: ProfileRef,
    output: SignInStatus,
    summary:
      "Sign a profile out: revoke its token where the provider allows, and delete the profile's tokens from the keychain.",
  },
  'signin:status': {
    input: ProfileRef,
    output: SignInStatus,
    summary: 'Who is signed in on a profile and until when; never a token.',
  },
  'keychain:health': {
    input: NoInput,
    output: KeychainHealth,
    summary: 'Probe the OS keychain now (write, read back, delete a test entry) and say what works.',
  },
  'proxy:state': {
    input: NoInput,
    output: ProxySignInState,
    summary:
      "The proxy Callboard's requests last went through, and the proxy sign-ins stored in the keychain (user names, never a password).",
  },
  'proxy:setSignIn': {
    input: SetProxySignIn,
    output: ProxySignInState,
    summary:
      'Store the user name and password a proxy asks for (Basic) in the OS keychain; tasks waiting on the proxy try again now.',
  },
  'proxy:clearSignIn': {
    input: ProxyRef,
    output: ProxySignInState,
    summary: "Delete a proxy's stored sign-in from the keychain.",
  },
  'tasks:submit': {
    input: SubmitTask,
    output: SubmitAnswer,
    // A broadcast carries up to 200,000 numbers.
    maxInputBytes: 8 * 1024 * 1024,
    summary:
      'Queue a task: validated, given an id and an idempotency key, and on disk before this answers; then sent when its provider can take it. An identical task (same kind, profile and customer) queued from any window within the last 30 s is not queued again unless confirmedRepeat says the agent was asked: the answer is then { repeat } with how long ago and from which window.',
  },
  'queue:list': {
    input: QueueQuery.optional(),
    output: QueuePage,
    summary:
      "The queue: one page of its unfinished tasks and those that went wrong (newest first, optionally of some states) with how many there are, the counts for the badge, and each lane's state.",
  },
  'queue:retry': {
    input: TaskRef,
    output: QueueItem,
    summary: 'Send a waiting task now (its provider is probed even if it looked down), or again after signing in.',
  },
  'queue:cancel': {
    input: TaskRef,
    output: QueueItem,
    summary: 'Cancel a task that has not been sent; refused while it is being sent.',
  },
  'queue:resolve': {
    input: ResolveReview,
    output: QueueItem,
    summary: 'Answer a task that may or may not have been created: send it again, mark it done, or cancel it.',
  },
  'queue:dismiss': {
    input: TaskRef,
    output: QueueItem,
    summary: 'Take a refused or expired task off the queue view once the agent has seen it (it stays in the history).',
  },
  'history:list': {
    input: HistoryQuery,
    output: HistoryPage,
    summary:
      'One page of every task, newest first, with its state and provider id, and how many match; filter by provider, state or text.',
  },
  'sandbox:state': {
    input: NoInput,
    output: SandboxState,
    summary: 'The built-in sandbox: one simulated profile per provider, its scenario and what it has created.',
  },
  'sandbox:simulate': {
    input: SandboxSimulate,
    output: SandboxState,
    summary: 'Make one sandbox provider misbehave (offline, down, rate limited, …) or answer normally again.',
  },
  'dial:pending': {
    input: NoInput,
    output: DialRequest.nullable(),
    summary: 'The outdial waiting for the agent to confirm (from the shortcut or a tel: link), if any.',
  },
  'dial:confirm': {
    input: DialChoice,
    output: SubmitAnswer,
    summary:
      'Dial the chosen number of the waiting request: an outdial queued through the outbox; or { repeat } when the same outdial was queued within the last 30 s and confirmedRepeat is not set (the request stays waiting).',
  },
  'dial:cancel': {
    input: DialRef,
    output: DialRef,
    summary: 'The agent closed the confirm window without dialling.',
  },
  'desktop:clipboardNumber': {
    input: NoInput,
    output: DialCandidate.nullable(),
    summary: 'The first phone number on the clipboard (read, never written), to prefill a quick callback.',
  },
  'desktop:status': {
    input: NoInput,
    output: DesktopStatus,
    summary: 'Whether the global shortcut, the tray icon and the tel:/callto: handler are in place.',
  },
  'updates:status': {
    input: NoInput,
    output: UpdateStatus,
    summary: 'Where the app update stands: off (and why), checked, downloading, ready, or failed.',
  },
  'updates:check': {
    input: NoInput,
    output: UpdateStatus,
    summary: 'Check the update feed now (unless a download is under way or an update already waits).',
  },
  'updates:restart': {
    input: NoInput,
    output: UpdateStatus,
    summary: 'Restart to install the downloaded update, once no request is on the wire; new sends wait.',
  },
  'diagnostics:export': {
    input: ExportDiagnostics,
    output: DiagnosticsFile,
    summary: 'Write one diagnostics file (versions, settings, queue, lanes, recent log); never a secret.',
  },
  'policy:state': {
    input: NoInput,
    output: PolicyState,
    summary: 'The administrator policy: where it was read, what it locks, and why it is not applied if it is not.',
  },
} satisfies Record<InvokeChannel, InvokeSpec>

/** Every event main pushes to the renderer, with its payload schema. */
export const events = {
  'settings:changed': SettingsState,
  /** The list of profiles changed (saved, removed, the sandbox switched): `profiles:list` says how. */
  'profiles:changed': z.object({}).strict(),
  'queue:changed': QueueChanged,
  'queue:stopped': QueueStopped,
  'dial:requested': DialRequest,
  'desktop:changed': DesktopStatus,
  /** The tray's "Quick entry…": the main window is shown; it puts the keyboard on its quick entry. */
  'desktop:quickEntry': z.object({}).strict(),
  /** A notification was clicked: the window shows that task in the queue (the queue alone for null). */
  'desktop:openTask': z.object({ taskId: z.uuid().nullable() }).strict(),
  /** A profile's sign-in changed (started, signed in, refused, signed out, renewal refused). */
  'signin:changed': SignInStatus,
  'updates:changed': UpdateStatus,
} satisfies Record<EventChannel, z.ZodType>

export type Invokes = typeof invokes
export type Events = typeof events

export type InvokeInput<C extends InvokeChannel> = z.input<Invokes[C]['input']>
export type InvokeOutput<C extends InvokeChannel> = z.output<Invokes[C]['output']>
export type EventPayload<E extends EventChannel> = z.output<Events[E]>

/** The service call behind a channel, given input already parsed by the contract. */
export type InvokeHandler<C extends InvokeChannel> = (
  input: z.output<Invokes[C]['input']>,
) => Promise<InvokeOutput<C>> | InvokeOutput<C>

/** Handlers for some channels: each domain's module (next to its service) gives its own. */
export type InvokeHandlers<C extends InvokeChannel = InvokeChannel> = { [K in C]: InvokeHandler<K> }
