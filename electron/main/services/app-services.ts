import { randomUUID } from 'node:crypto'
import { join } from 'node:path'
import { isSupportedCountry } from 'libphonenumber-js/max'
import { DEFAULT_DIAL_ACCELERATOR } from '@shared/desktop/accelerator'
import type { DesktopStatus } from '@shared/schemas/dial'
import type { DialDesk } from '../desktop/dial-desk'
import { createDialDesk } from '../desktop/dial-desk'
import type { ProfileSummary } from '@shared/schemas/credentials'
import type { AppInfo } from '@shared/schemas/app-info'
import type { Profile } from '@shared/schemas/profiles'
import type { SettingsValues } from '@shared/schemas/settings'
import type { QueueQuery, QueuePage } from '@shared/schemas/list-pages'
import type { Dispatch } from '../ipc/dispatch'
import { JournalLockedError } from '../outbox/journal'
import type { Outbox, OutboxDeps, OutboxLog } from '../outbox/outbox'
import { createOutbox } from '../outbox/outbox'
import type { DurableOutboxLog } from '../outbox/outbox-log'
import { openOutboxLog, readOutboxLog } from '../outbox/outbox-log'
import { attentionNotice, expiringNotice } from '../outbox/queue-views'
import { historyPage, queuePage } from '../outbox/list-pages'
import { queueFileNoticeText } from '../outbox/queue-file-notice'
import { createDispatch } from '../ipc/dispatch'
import { createAiccsClient } from '../providers/aiccs/aiccs-client'
import { createConnectClient } from '../providers/connect/connect-client'
import { createEgainClient } from '../providers/egain/egain-client'
import { defaultProbes } from '../providers/probes'
import { createVoiceBroadcastClient } from '../providers/voice-broadcast/voice-broadcast-client'
import { createWebexClient } from '../providers/webex/webex-client'
import { nodeHttpTransport } from '../providers/http-transport'
import { observingTransport } from '../providers/observing-transport'
import { createClockSkew } from '../outbox/clock-skew'
import type { Sandbox } from '../sandbox/sandbox'
import { sandboxUnavailable, startSandbox } from '../sandbox/sandbox'
import { refuseSandboxChange, routeCredentials, routeTokens } from '../sandbox/sandbox-routing'
import type { SecretStore } from '../secrets/secret-store'
import type { Clock } from './clock'
import type { ProbeRegistry } from './connection-tester'
import { createConnectionTester } from './connection-tester'
import type { CredentialsService } from './credentials-service'
import { createCredentialsService } from './credentials-service'
import { AppError } from './app-error'
import { EventHub } from './event-hub'
import type { Logger } from './logger'
import type { ProfilesService } from './profiles-service'
import { createProfilesService } from './profiles-service'
import { createNotificationBatcher } from './notification-batcher'
import type { DataFolderClaim } from './data-folder'
import { claimDataFolder } from './data-folder'
import { isReadOnly } from './storage-errors'
import { openSettingsFile } from './settings-file'
import { watchSettingsFile } from './settings-watch'
import type { SettingsService } from './settings-service'
import { createSettingsService } from './settings-service'
import type { ProviderClients } from './task-sender'
import { attemptOf, createTaskSender } from './task-sender'
import { createTokenCache } from './token-cache'
import type { UpdatesOffReason } from '@shared/schemas/updates'
import type { PolicyState } from '@shared/schemas/policy'
import type { PolicyRead } from '../policy/read-policy'
import type { DiagnosticsSources } from '../diagnostics/diagnostics-export'
import { exportDiagnostics } from '../diagnostics/diagnostics-export'
import type { UpdateKeeper, UpdaterPort } from '../updates/update-keeper'
import { createUpdateKeeper } from '../updates/update-keeper'

export interface AppServicesDeps {
  userDataDir: string
  appInfo: AppInfo
  clock: Clock
  logger: Logger
  /** The OS keychain (or, in tests, something with the same contract). */
  secrets: SecretStore
  /** BCP 47 locale of the OS, used to pick first-run defaults (region, language). */
  locale: string
  checkContract: boolean
  newId?: () => string
  /** "Test connection" probes; default: the real providers. */
  probes?: ProbeRegistry
  /** HTTP for the probes and clients; default: the runtime's fetch. */
  fetch?: typeof fetch
  /** The clipboard's text, read only (the app's clipboard; nothing in the harness unless a test gives it). */
  readClipboard?: () => Promise<string>
  /** OS notifications (Electron's Notification in the app; the log in the harness). */
  notify?: (notification: { title: string; body: string }) => void
  /** Timers and randomness for the outbox's dispatcher (tests move time themselves). */
  outbox?: OutboxDeps['dispatcher'] & { historyMs?: number }
  /**
   * Run the built-in sandbox (a simulator per provider inside this process, with a profile for
   * each). The app and the harness turn it on; service tests leave it off unless they test it.
   */
  sandbox?: boolean
  /**
   * Whether this process owns the data folder (claimed by the app and the harness before they
   * open the log); claimed here when not given. A process that does not own it writes nothing.
   */
  dataFolder?: DataFolderClaim
  /** The log file being written (the app's; the harness has none), for diagnostics. */
  logFile?: string
  /** Where "Export diagnostics" writes (the app: Downloads); default: `diagnostics` in the data folder. */
  diagnosticsDir?: string
  /** The administrator's policy as read at start (see electron/main/policy/read-policy.ts). */
  policy?: PolicyRead
  /** The update library behind its port (the packaged app), or why there is none. */
  updates?: { port: UpdaterPort | null; offReason?: UpdatesOffReason }
}

export interface AppServices {
  dispatch: Dispatch
  events: EventHub
  settings: SettingsService
  profiles: ProfilesService
  credentials: CredentialsService
  /** Null when the sandbox is off or could not start. */
  sandbox: Sandbox | null
  /** Null when the queue could not be opened (its reason is in `queue:list`). */
  outbox: Outbox | null
  /** The shortcut and tel:-link outdial, from text to a confirmed call. */
  desk: DialDesk
  /** Update checks, downloads and the restart that waits for sends to finish. */
  updates: UpdateKeeper
  /** The desktop integration (Electron only) reports what it managed to set up. */
  setDesktopStatus(status: DesktopStatus): void
  /**
   * Read the settings file again (it was restored or repaired outside Callboard; also done on its
   * own when the file changes). True if anything changed.
   */
  reloadSettings(): Promise<boolean>
  /** Stop what the services started (the sandbox's simulators). */
  close(): Promise<void>
}

/** Time limit per request to a sandbox simulator: short, so "unresponsive" shows its outcome quickly. */
const SANDBOX_TIMEOUT_MS = 5000

/** First-run settings from the OS locale: `en-GB` → region GB, English. */
export function defaultSettingsFor(locale: string): SettingsValues {
  let region: string | undefined
  let language = 'en'
  try {
    const parsed = new Intl.Locale(locale)
    region = parsed.maximize().region
    language = parsed.language
  } catch {
    // An unparseable locale falls back to the defaults below.
  }
  return {
    defaultRegion: region && isSupportedCountry(region) ? region : 'US',
    uiLanguage: language === 'es' ? 'es' : 'en',
    theme: 'system',
    dialShortcut: DEFAULT_DIAL_ACCELERATOR,
    dialFromSelection: false,
    autoDial: false,
    closeToTray: true,
    startAtLogin: false,
    defaultOutdialProfileId: null,
    defaultCallbackProfileId: null,
  }
}

/**
 * The composition root for everything behind the contract. The Electron main process and the
 * browser harness both build the app through this one function, so the harness exercises the
 * same services the desktop app runs.
 */
export async function createAppServices(deps: AppServicesDeps): Promise<AppServices> {
  const { clock, logger } = deps
  const events = new EventHub(logger.child('events'), deps.checkContract)
  const folder = deps.dataFolder ?? (await claimDataFolder(deps.userDataDir, () => clock.now()))
  const notOwner = folder.owner ? null : folder.busy
  if (notOwner) logger.warn('data folder owned by another Callboard: read-only', { dir: deps.userDataDir })
  const settingsPath = join(deps.userDataDir, 'settings.json')
  const file = await openSettingsFile({
    file: settingsPath,
    clock,
    logger: logger.child('settings'),
    readOnly: notOwner,
  })
  // ——— The administrator's policy: applied whole, or (with its problem said) not at all ———
  const policyRead = deps.policy ?? { source: null, policy: null, problem: null }
  const policy = policyRead.policy
  if (policyRead.problem) logger.error('policy not applied', { source: policyRead.source, problem: policyRead.problem })
  else if (policy) logger.info('policy applied', { source: policyRead.source })
  const policyState: PolicyState = {
    source: policyRead.source,
    problem: policyRead.problem,
    lockedSettings: Object.keys(policy?.settings ?? {}) as PolicyState['lockedSettings'],
    managedProfiles: (policy?.profiles ?? []).map((p) => p.id),
    allowedProviders: policy?.allowedProviders ?? null,
  }

  const settings = createSettingsService({
    file,
    // A managed install starts at sign-in unless the policy says otherwise.
    defaults: { ...defaultSettingsFor(deps.locale), ...(policy ? { startAtLogin: true } : {}) },
    ...(policy?.settings ? { locked: policy.settings } : {}),
    logger: logger.child('settings'),
    onChanged: (state) => events.emit('settings:changed', state),
  })
  // Profiles and credentials refer to each other: removing a profile clears its secrets first,
  // and credentials exist only for known profiles.
  const credentials: CredentialsService = createCredentialsService({
    secrets: deps.secrets,
    findProfile: (id) => profiles.get(id),
    clock,
    logger: logger.child('credentials'),
    // Tasks waiting for the keychain go as soon as a check finds it working again.
    onKeychainAvailable: () => void outbox?.keychainAvailable(),
  })
  const profiles: ProfilesService = createProfilesService({
    file,
    managed: policy?.profiles ?? [],
    ...(policy?.allowedProviders ? { allowedProviders: policy.allowedProviders } : {}),
    newId: deps.newId ?? randomUUID,
    logger: logger.child('profiles'),
    beforeRemove: (id) => credentials.clear(id),
    onChanged: (list) => {
      events.emit('profiles:changed', { profiles: list })
      // Tasks held for a profile that is back go on; tasks whose profile went are held.
      void outbox?.profilesChanged()
    },
  })

  let sandbox: Sandbox | null = null
  let sandboxProblem: string | null = null
  if (deps.sandbox) {
    try {
      sandbox = await startSandbox({ clock, logger: logger.child('sandbox') })
    } catch (error) {
      sandboxProblem = `The sandbox could not start: ${error instanceof Error ? error.message : String(error)}`
      logger.warn('sandbox failed to start', { error: sandboxProblem })
    }
  }
  const findProfile = (id: string) => sandbox?.profile(id) ?? profiles.get(id)
  const sendCredentials = routeCredentials(credentials, sandbox)
  const tokens = routeTokens(
    createTokenCache({ secrets: deps.secrets, clock, logger: logger.child('tokens') }),
    sandbox,
  )
  const connectEndpoint = (profile: Profile) => sandbox?.connectEndpoint(profile)

  const testConnection = createConnectionTester({
    credentials: sendCredentials,
    findProfile,
    tokens,
    probes: deps.probes ?? defaultProbes({ connect: { endpointFor: connectEndpoint } }),
    clock,
    logger: logger.child('connection-test'),
    fetch: deps.fetch ?? fetch,
  })

  // Every answer's Date header teaches the outbox that provider's clock (Q8). The HTTP clients
  // are made per profile so their transport knows whose answer it saw.
  const skew = createClockSkew()
  const clientCache = new Map<string, ProviderClients>()
  const clientsFor = (profile: Profile): ProviderClients => {
    let made = clientCache.get(profile.id)
    if (!made) {
      const limit = sandbox?.isSandbox(profile.id) ? { timeoutMs: SANDBOX_TIMEOUT_MS } : {}
      const transport = observingTransport(nodeHttpTransport, (date, sent, received) =>
        skew.observe(profile.id, date, sent, received),
      )
      made = {
        webex: createWebexClient({ ...limit, transport }),
        egain: createEgainClient({ ...limit, transport }),
        connect: createConnectClient({
          ...limit,
          endpointFor: connectEndpoint,
          onServerDate: (p, date, sent, received) => skew.observe(p.id, date, sent, received),
        }),
        aiccs: createAiccsClient(limit),
        voice_broadcast: createVoiceBroadcastClient({ ...limit, transport }),
      }
      clientCache.set(profile.id, made)
    }
    return made
  }
  const sendTask = createTaskSender({
    findProfile,
    credentials: sendCredentials,
    tokensFor: () => tokens,
    clientsFor,
    providerOffsetMs: skew.offsetMs,
    clock,
    fetch: deps.fetch ?? fetch,
    logger: logger.child('send'),
  })
  const newId = deps.newId ?? randomUUID

  // ——— The outbox: every task goes through it ———
  // Notifications about tasks come in bursts (a damaged file holds many at once): batched by kind.
  const taskNotes = createNotificationBatcher((note) => deps.notify?.(note))
  const outboxDir = join(deps.userDataDir, 'outbox')
  let outbox: Outbox | null = null
  let outboxLog: DurableOutboxLog | null = null
  let log: OutboxLog | null = null
  let queueUnavailable: string | null = null
  /** Why the queue may only be shown here (another owner, a read-only folder), or null. */
  let readOnlyQueue: string | null = notOwner
  if (!notOwner) {
    try {
      log = outboxLog = await openOutboxLog({ dir: outboxDir, clock, logger: logger.child('journal') })
    } catch (error) {
      if (isReadOnly(error)) {
        readOnlyQueue = `Callboard's data folder cannot be written (${(error as NodeJS.ErrnoException).code}), so the task queue is shown as it was: nothing can be queued, sent or changed. Check that the disk is not read-only and that you may write to ${deps.userDataDir}, then restart Callboard.`
      } else {
        queueUnavailable =
          error instanceof JournalLockedError
            ? `Another Callboard (process ${error.pid}) is using this task queue. Close it, then restart this one.`
            : `The task queue could not be opened: ${error instanceof Error ? error.message : String(error)}`
      }
      logger.error('outbox unavailable for writing', { error: String(error), readOnly: readOnlyQueue !== null })
    }
  }
  if (readOnlyQueue) {
    try {
      log = await readOutboxLog(outboxDir)
    } catch (error) {
      queueUnavailable = `The task queue could not be read: ${error instanceof Error ? error.message : String(error)}`
    }
  }
  if (log) {
    outbox = createOutbox({
      log,
      clock,
      logger: logger.child('outbox'),
      newId,
      findProfile,
      send: (entry) => sendTask(attemptOf(entry)),
      onChanged: (entry) => {
        events.emit('queue:changed', {
          item: outbox!.item(entry),
          counts: outbox?.counts() ?? { waiting: 0, attention: 0 },
          lanes: outbox?.lanes() ?? [],
        })
        const note = attentionNotice(entry)
        if (note) taskNotes.notify(note)
      },
      onExpiringSoon: (entry, blocker) => taskNotes.notify(expiringNotice(entry, blocker)),
      onStorageChanged: (stopped) => {
        events.emit('queue:stopped', { stopped })
        if (stopped) deps.notify?.({ title: 'Callboard: the task queue is stopped', body: stopped })
      },
      ...(readOnlyQueue ? { readOnly: readOnlyQueue } : {}),
      skew,
      ...(deps.outbox ? { dispatcher: deps.outbox } : {}),
      ...(deps.outbox?.historyMs !== undefined ? { historyMs: deps.outbox.historyMs } : {}),
    })
  }
  const writableOutbox = readOnlyQueue ? null : outbox
  const updates = createUpdateKeeper({
    updater: deps.updates?.port ?? null,
    offReason: deps.updates?.offReason ?? 'no_feed',
    // A restart to update waits for the answers of the requests on the wire, and starts no other.
    sends: writableOutbox
      ? { sending: writableOutbox.sending, hold: writableOutbox.holdSends, release: writableOutbox.releaseSends }
      : { sending: () => 0, hold: () => Promise.resolve(), release: () => undefined },
    clock,
    logger: logger.child('updates'),
    onChange: (status) => events.emit('updates:changed', status),
  })

  /** What the agent is told about the queue file: set once the outbox has replayed it. */
  let queueNotice: string | null = null
  const requireOutbox = (): Outbox => {
    if (!outbox) throw new AppError('conflict', queueUnavailable ?? 'The task queue is not running.')
    return outbox
  }
  const queueItem = (entry: Parameters<Outbox['item']>[0]) => requireOutbox().item(entry)
  const queueSnapshot = (query: QueueQuery | undefined): QueuePage => {
    return {
      ...queuePage(outbox?.list() ?? [], query, (entry) => outbox!.item(entry)),
      counts: outbox?.counts() ?? { waiting: 0, attention: 0 },
      paused: outbox?.isPaused() ?? false,
      lanes: outbox?.lanes() ?? [],
      notice: queueNotice,
      stopped: outbox?.storageProblem() ?? null,
      unavailable: queueUnavailable,
    }
  }

  const summarize = async (profile: Profile): Promise<ProfileSummary> => ({
    profile,
    credentials: await credentials.status(profile.id),
    sandbox: false,
  })
  const sandboxSummaries = (): ProfileSummary[] =>
    (sandbox?.profiles() ?? []).map((profile) => ({
      profile,
      credentials: sandbox!.credentialStatus(profile.id),
      sandbox: true,
    }))

  const allProfiles = () => [...profiles.list(), ...(sandbox?.profiles() ?? [])]
  const desk = createDialDesk({
    clock,
    logger: logger.child('dial'),
    newId,
    settings: () => settings.get().settings,
    profiles: allProfiles,
    submit: async (intent) => queueItem(await requireOutbox().submit(intent)),
    notify: (note) => (deps.notify ? deps.notify(note) : logger.info('notification', note)),
    onRequest: (request) => events.emit('dial:requested', request),
  })
  // The harness and service tests have no shortcut, tray or link handler; the app reports its own.
  let desktopStatus: DesktopStatus = {
    available: false,
    shortcut: { accelerator: settings.get().settings.dialShortcut, registered: false, problem: null },
    tray: false,
    links: { tel: false, callto: false },
  }

  const diagnostics: DiagnosticsSources = {
    appInfo: deps.appInfo,
    clock,
    settings: () => settings.get(),
    profiles: async () => [...(await Promise.all(profiles.list().map(summarize))), ...sandboxSummaries()],
    // The queue's figures only (no page of rows: those hold customers' numbers).
    queue: () => {
      if (!outbox && !queueUnavailable) return null
      const { counts, paused, lanes, notice, stopped, unavailable } = queueSnapshot({ limit: 0 })
      return { counts, paused, lanes, notice, stopped, unavailable }
    },
    entries: () => outbox?.list() ?? [],
    updates: () => updates.status(),
    policy: () => policyState,
    keychain: () => credentials.health(),
    logFile: deps.logFile ?? null,
    secrets: deps.secrets,
  }

  const dispatch = createDispatch({
    logger: logger.child('ipc'),
    checkOutputs: deps.checkContract,
    handlers: {
      'app:info': () => deps.appInfo,
      'settings:get': () => settings.get(),
      'settings:update': (patch) => settings.update(patch),
      'profiles:list': async () => [...(await Promise.all(profiles.list().map(summarize))), ...sandboxSummaries()],
      'profiles:save': async (draft) => {
        refuseSandboxChange(sandbox, draft.id, 'settings')
        return summarize(await profiles.save(draft))
      },
      'profiles:remove': async ({ profileId }) => {
        refuseSandboxChange(sandbox, profileId, 'settings')
        await profiles.remove(profileId)
        return { profileId }
      },
      'profiles:test': ({ profileId }) => testConnection(profileId),
      'credentials:status': ({ profileId }) => sendCredentials.status(profileId),
      'credentials:set': async ({ profileId, secret }) => {
        if (notOwner) throw new AppError('settings_unwritable', notOwner)
        const status = await sendCredentials.set(profileId, secret)
        // Tasks parked on refused credentials go again with the new ones.
        void outbox?.credentialsChanged(profileId)
        return status
      },
      'credentials:clear': ({ profileId }) => {
        if (notOwner) throw new AppError('settings_unwritable', notOwner)
        return sendCredentials.clear(profileId)
      },
      'keychain:health': () => credentials.health({ fresh: true }),
      'tasks:submit': async ({ intent }) => queueItem(await requireOutbox().submit(intent)),
      'queue:list': (query) => queueSnapshot(query),
      'queue:retry': async ({ taskId }) => queueItem(await requireOutbox().retry(taskId)),
      'queue:cancel': async ({ taskId }) => queueItem(await requireOutbox().cancel(taskId)),
      'queue:resolve': async ({ taskId, action }) => queueItem(await requireOutbox().resolve(taskId, action)),
      'queue:dismiss': async ({ taskId }) => queueItem(await requireOutbox().dismiss(taskId)),
      'history:list': (query) =>
        historyPage(
          outbox?.list() ?? [],
          query,
          (id) => findProfile(id)?.label ?? '',
          (entry) => outbox!.item(entry),
        ),
      'sandbox:state': () => sandbox?.state() ?? sandboxUnavailable(sandboxProblem ?? 'The sandbox is turned off.'),
      'sandbox:simulate': async ({ provider, scenario }) => {
        if (!sandbox) throw new AppError('not_found', sandboxProblem ?? 'The sandbox is turned off.')
        const state = await sandbox.simulate(provider, scenario)
        // Like the network coming back: lanes that found the provider offline or down look again.
        void outbox?.poke('sandbox scenario changed')
        return state
      },
      'dial:pending': () => desk.pending(),
      'dial:confirm': ({ requestId, index }) => desk.confirm(requestId, index),
      'dial:cancel': ({ requestId }) => {
        desk.cancel(requestId)
        return { requestId }
      },
      'desktop:status': () => desktopStatus,
      'desktop:clipboardNumber': async () => {
        const text = (await deps.readClipboard?.()) ?? ''
        return desk.firstNumber(text)
      },
      'diagnostics:export': (options) =>
        exportDiagnostics(diagnostics, deps.diagnosticsDir ?? join(deps.userDataDir, 'diagnostics'), options),
      'policy:state': () => policyState,
      'updates:status': () => updates.status(),
      'updates:check': async () => {
        await updates.checkNow()
        return updates.status()
      },
      'updates:restart': async () => {
        await updates.restartToUpdate()
        return updates.status()
      },
    },
  })

  async function reloadSettings(): Promise<boolean> {
    if (!(await file.reload())) return false
    events.emit('settings:changed', settings.get())
    events.emit('profiles:changed', { profiles: profiles.list() })
    await outbox?.profilesChanged()
    return true
  }
  const stopWatching = watchSettingsFile(settingsPath, reloadSettings, logger.child('settings'))

  // Sending starts once everything above exists: recovery may emit events and send at once.
  if (outbox) {
    const started = await outbox.start()
    if (outboxLog) queueNotice = queueFileNoticeText(outboxLog.notice, started.skipped)
  }

  // Know the keychain's state from the start (and log it), without holding up start-up.
  void credentials.health({ fresh: true })
  // The first update check runs in the background, then one a day.
  void updates.start()

  return {
    dispatch,
    events,
    settings,
    profiles,
    credentials,
    sandbox,
    outbox,
    desk,
    updates,
    setDesktopStatus: (status) => {
      desktopStatus = status
      events.emit('desktop:changed', status)
    },
    reloadSettings,
    close: async () => {
      stopWatching()
      updates.stop()
      taskNotes.dispose()
      outbox?.stop()
      await outbox?.idle()
      await outboxLog?.close()
      await sandbox?.close()
      // Only a folder claimed here is released here; the app and the harness release their own.
      if (!deps.dataFolder && folder.owner) await folder.lock.release()
    },
  }
}
