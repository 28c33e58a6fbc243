import { randomUUID } from 'node:crypto'
import { choicesHandlers } from '../choices/choices-handlers'
import { createDispatch } from '../ipc/dispatch'
import type { Queue } from '../outbox/open-queue'
import { queueHandlers, requireOutbox } from '../outbox/queue-handlers'
import { policyHandlers } from '../policy/applied-policy'
import { attemptOf } from '../providers/task-sender'
import { sandboxHandlers } from '../sandbox/sandbox-handlers'
import { signInHandlers } from '../sign-in/sign-in-handlers'
import { settingsHandlers } from '../settings/settings-handlers'
import { watchSettingsFile } from '../settings/settings-watch'
import { updatesHandlers } from '../updates/updates-handlers'
import type { AppServices, AppServicesDeps } from './app-services-api'
import { claimDataFolder } from './data-folder'
import { wireDiagnostics } from './diagnostics-wiring'
import { wireDesktop } from './desktop-wiring'
import { EventHub } from './event-hub'
import { profileHandlers } from './profile-handlers'
import { wireProfiles } from './profile-wiring'
import { wireProviders } from './provider-wiring'
import { wireQueue } from './queue-wiring'
import { signingOutWhenRefused, wireSignIn } from './sign-in-wiring'
import { wireUpdates } from './updates-wiring'
import { setUpNetwork } from './network-setup'
import { proxySignInHandlers } from '../net/proxy-sign-in-handlers'

export type { AppServices, AppServicesDeps } from './app-services-api'
export { defaultSettingsFor } from '../settings/settings-defaults'

/**
 * The composition root for everything behind the contract: it builds the services and joins them,
 * and nothing else (each domain's handlers live beside its service). The Electron main process and
 * the browser harness both build the app through this one function, so the harness exercises the
 * same services the desktop app runs.
 */
export async function createAppServices(deps: AppServicesDeps): Promise<AppServices> {
  const { clock, logger } = deps
  const newId = deps.newId ?? randomUUID
  const events = new EventHub(logger.child('events'), deps.checkContract)
  const folder = deps.dataFolder ?? (await claimDataFolder(deps.userDataDir, () => clock.now()))
  const notOwner = folder.owner ? null : folder.busy
  if (notOwner) logger.warn('data folder owned by another Callboard: read-only', { dir: deps.userDataDir })
  // The queue opens last; what comes before reaches it through this once it exists.
  let queue: Queue | null = null
  const profilesChanged = async () => {
    events.emit('profiles:changed', {})
    // Tasks held for a profile that is back go on; tasks whose profile went are held.
    await queue?.outbox?.profilesChanged()
  }
  const { settingsPath, file, settings, credentials, profiles, directory, policy } = await wireProfiles({
    ...deps,
    newId,
    notOwner,
    events,
    onProfilesChanged: () => void profilesChanged(),
    onProfileRemoved: (id) => providers.choices.forget(id),
    // Tasks waiting for the keychain go as soon as a check finds it working again.
    onKeychainAvailable: () => void queue?.outbox?.keychainAvailable(),
  })
  /** The sandbox follows its setting where it is allowed at all. */
  const applySandbox = async () => {
    if (await directory.setSandbox(deps.sandbox === true && settings.get().settings.sandbox)) await profilesChanged()
  }
  await applySandbox()

  // Every provider request follows one proxy decision and trusts the OS's certificates too.
  const network = setUpNetwork({ ...deps, policyProxy: policy.policy?.proxy })
  const outgoing = network.fetch
  const providers = wireProviders({ ...deps, directory, notOwner, fetch: outgoing })
  const signIn = wireSignIn({
    ...deps,
    directory,
    notOwner,
    events,
    fetch: outgoing,
    signedIn: (id) => {
      // A first sign-in stored the profile's keychain entry: its row says so.
      events.emit('profiles:changed', {})
      // Tasks parked on a refused sign-in go on once the profile is signed in again.
      void queue?.outbox?.credentialsChanged(id)
    },
    signedOut: providers.signedOut,
  })

  // ——— The outbox: every task goes through it ———
  const { queue: opened, dispose: stopNotes } = await wireQueue({
    ...deps,
    newId,
    notOwner,
    events,
    directory,
    skew: providers.skew,
    send: signingOutWhenRefused((entry) => providers.sendTask(attemptOf(entry)), signIn, logger),
  })
  queue = opened
  const updates = wireUpdates({ updates: deps.updates, queue: opened, clock, logger, events })

  const desktop = wireDesktop({
    ...deps,
    newId,
    events,
    settings: () => settings.get().settings,
    profiles: directory.all,
    submit: async (intent) => requireOutbox(opened).item(await requireOutbox(opened).submit(intent)),
  })

  const dispatch = createDispatch({
    logger: logger.child('ipc'),
    checkOutputs: deps.checkContract,
    handlers: {
      'app:info': () => deps.appInfo,
      ...settingsHandlers(settings, applySandbox),
      ...profileHandlers({
        directory,
        profiles,
        keychain: credentials,
        testConnection: providers.testConnection,
        notOwner,
        credentialsChanged: (id) => void opened.outbox?.credentialsChanged(id),
      }),
      ...signInHandlers(signIn),
      ...choicesHandlers(providers.choices),
      ...queueHandlers({ queue: opened, labelOf: (id) => directory.find(id)?.label ?? '' }),
      ...sandboxHandlers({ ...directory, poke: (reason) => void opened.outbox?.poke(reason) }),
      ...desktop.handlers,
      ...updatesHandlers(updates),
      ...policyHandlers(policy),
      // A new proxy sign-in: lanes parked on the proxy's refusal try again now, as on a network change.
      ...proxySignInHandlers(network.proxySignIns, () => void opened.outbox?.poke('proxy sign-in changed')),
      ...wireDiagnostics(deps, { settings, directory, queue: opened, updates, policy: policy.state, credentials }),
    },
  })

  async function reloadSettings(): Promise<boolean> {
    if (!(await file.reload())) return false
    events.emit('settings:changed', settings.get())
    await applySandbox()
    await profilesChanged()
    return true
  }
  const stopWatching = watchSettingsFile(settingsPath, reloadSettings, logger.child('settings'))

  // Sending starts once everything above exists: recovery may emit events and send at once.
  await opened.start()
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
    get sandbox() {
      return directory.sandbox()
    },
    outbox: opened.outbox,
    desk: desktop.desk,
    updates,
    setDesktopStatus: desktop.setStatus,
    reloadSettings,
    close: async () => {
      stopWatching()
      updates.stop()
      stopNotes()
      await opened.close()
      await directory.close()
      // Only a folder claimed here is released here; the app and the harness release their own.
      if (!deps.dataFolder && folder.owner) await folder.lock.release()
    },
  }
}
