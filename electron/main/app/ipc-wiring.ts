import type { Message } from '@shared/i18n/message'
import { choicesHandlers } from '../choices/choices-handlers'
import { createDispatch, type Dispatch } from '../ipc/dispatch'
import { proxySignInHandlers } from '../net/proxy-sign-in-handlers'
import type { ProxySignIns } from '../net/proxy-sign-in'
import type { Queue } from '../outbox/open-queue'
import { queueHandlers } from '../outbox/queue-handlers'
import type { RepeatGuard } from '../outbox/repeat-guard'
import { policyHandlers, type AppliedPolicy } from '../policy/applied-policy'
import { sandboxHandlers } from '../sandbox/sandbox-handlers'
import type { CredentialsService } from '../secrets/credentials-service'
import { settingsHandlers } from '../settings/settings-handlers'
import type { ProfilesService } from '../settings/profiles-service'
import type { SettingsService } from '../settings/settings-service'
import { signInHandlers } from '../sign-in/sign-in-handlers'
import type { SignInService } from '../sign-in/sign-in-service'
import type { UpdateKeeper } from '../updates/update-keeper'
import { updatesHandlers } from '../updates/updates-handlers'
import type { AppServicesDeps } from './app-services-api'
import type { wireDesktop } from './desktop-wiring'
import { wireDiagnostics } from './diagnostics-wiring'
import { profileHandlers } from './profile-handlers'
import type { ProfileDirectory } from './profile-directory'
import type { wireProviders } from './provider-wiring'

/** The services whose handlers answer the window, as the composition root built them. */
export interface IpcServices {
  settings: SettingsService
  /** What follows a settings change before it is answered (the sandbox switched on or off). */
  afterSettingsUpdate: () => Promise<unknown>
  directory: ProfileDirectory
  profiles: ProfilesService
  credentials: CredentialsService
  providers: ReturnType<typeof wireProviders>
  signIn: SignInService
  queue: Queue
  repeats: RepeatGuard
  desktop: ReturnType<typeof wireDesktop>
  updates: UpdateKeeper
  policy: AppliedPolicy
  proxySignIns: ProxySignIns
  notOwner: Message | null
}

/**
 * The one IPC handler table: each domain's handlers (kept beside its service) joined, and what a
 * call to one domain means for another (new credentials or a new proxy sign-in wake the queue).
 */
export function wireIpc(deps: AppServicesDeps, services: IpcServices): Dispatch {
  const { settings, directory, providers, queue, repeats, desktop, updates, policy, credentials } = services
  const outbox = () => queue.outbox
  return createDispatch({
    logger: deps.logger.child('ipc'),
    checkOutputs: deps.checkContract,
    handlers: {
      'app:info': () => deps.appInfo,
      ...settingsHandlers(settings, services.afterSettingsUpdate),
      ...profileHandlers({
        directory,
        profiles: services.profiles,
        keychain: credentials,
        testConnection: providers.testConnection,
        notOwner: services.notOwner,
        credentialsChanged: (id) => void outbox()?.credentialsChanged(id),
      }),
      ...signInHandlers(services.signIn),
      ...choicesHandlers(providers.choices),
      ...queueHandlers({ queue, repeats, labelOf: (id) => directory.find(id)?.label ?? '' }),
      ...sandboxHandlers({ ...directory, poke: (reason) => void outbox()?.poke(reason) }),
      ...desktop.handlers,
      ...updatesHandlers(updates),
      ...policyHandlers(policy),
      // A new proxy sign-in: lanes parked on the proxy's refusal try again now, as on a network change.
      ...proxySignInHandlers(services.proxySignIns, () => void outbox()?.poke('proxy sign-in changed')),
      ...wireDiagnostics(deps, { settings, directory, queue, updates, policy: policy.state, credentials }),
    },
  })
}
