import { randomUuid } from '../core/uuid'
import type { Queue } from '../outbox/open-queue'
import { repeatGuardOver } from '../outbox/queue-handlers'
import { attemptOf } from '../providers/task-sender'
import type { AppServices, AppServicesDeps } from './app-services-api'
import { holdDataFolder } from './data-folder'
import { wireDesktop } from './desktop-wiring'
import { EventHub } from './event-hub'
import { wireIpc } from './ipc-wiring'
import { setUpNetwork } from './network-setup'
import { wireProfiles } from './profile-wiring'
import { wireProviders } from './provider-wiring'
import { wireQueue } from './queue-wiring'
import { wireSettingsReload } from './settings-reload'
import { signingOutWhenRefused, wireSignIn } from './sign-in-wiring'
import { wireUpdates } from './updates-wiring'

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
  const newId = deps.newId ?? randomUuid
  const events = new EventHub(logger.child('events'), deps.checkContract)
  const { notOwner, release: releaseFolder } = await holdDataFolder(deps)
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

  // Every way in (the windows' forms, the dial desk) asks before queueing the same task twice.
  const repeats = repeatGuardOver(opened, clock)
  const desktop = wireDesktop({
    ...deps,
    newId,
    events,
    settings: () => settings.get().settings,
    profiles: directory.all,
    submit: (intent, confirmedRepeat) => repeats.submit({ intent, window: 'confirmDial', confirmedRepeat }),
  })

  // The window's calls, each domain's handlers beside its service.
  const services = { settings, directory, profiles, credentials, providers, signIn, desktop, updates, policy }
  const dispatch = wireIpc(deps, {
    ...services,
    queue: opened,
    repeats,
    afterSettingsUpdate: applySandbox,
    proxySignIns: network.proxySignIns,
    notOwner,
  })
  const { reloadSettings, stopWatching } = wireSettingsReload({
    settingsPath,
    file,
    settings,
    events,
    logger,
    afterReload: async () => {
      await applySandbox()
      await profilesChanged()
    },
  })

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
      await releaseFolder()
    },
  }
}
