import type { Profile } from '@shared/providers/registry'
import type { Note } from '../core/note'
import type { AppInfo } from '@shared/schemas/app-info'
import type { DesktopStatus } from '@shared/schemas/dial'
import type { Clock } from '../core/clock'
import type { Logger } from '../core/logger'
import type { DialDesk } from '../desktop/dial-desk'
import type { Dispatch } from '../ipc/dispatch'
import type { Outbox, OutboxDeps } from '../outbox/outbox'
import type { PolicyRead } from '../policy/read-policy'
import type { ProxyResolver } from '../net/proxy-route'
import type { ProbeRegistry } from '../providers/connection-tester'
import type { Sandbox } from '../sandbox/sandbox'
import type { CredentialsService } from '../secrets/credentials-service'
import type { SecretStore } from '../secrets/secret-store'
import type { ProfilesService } from '../settings/profiles-service'
import type { SettingsService } from '../settings/settings-service'
import type { UpdateKeeper } from '../updates/update-keeper'
import type { DataFolderClaim } from './data-folder'
import type { EventHub } from './event-hub'
import type { UpdatesWiringDeps } from './updates-wiring'

// What the composition root (app-services.ts) is given and gives: the same for the Electron main
// process and the browser harness.

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
  /** "Test connection" probes; default: each provider's own. */
  probes?: ProbeRegistry
  /** HTTP for the probes and clients; default: the runtime's fetch through the proxy decision. */
  fetch?: typeof fetch
  /** The clipboard's text, read only (the app's clipboard; nothing in the harness unless a test gives it). */
  readClipboard?: () => Promise<string>
  /**
   * The system browser, for a sign-in page (Electron's shell.openExternal in the app; in the
   * harness a page the test drives). The sign-in service opens only the profile's own sign-in page.
   */
  openBrowser?: (url: string, authorizationEndpoint: string) => Promise<void>
  /**
   * Where a profile that is not the sandbox's is reached instead of its provider: the harness's
   * simulators for a test's own profile (never set in the app).
   */
  endpointFor?: (profile: Profile) => string | undefined
  /** OS notifications (Electron's Notification in the app; the log in the harness). */
  notify?: (notification: Note) => void
  /** Timers and randomness for the outbox's dispatcher (tests move time themselves). */
  outbox?: OutboxDeps['dispatcher'] & { historyMs?: number }
  /**
   * Whether the built-in sandbox may run (a simulator per provider inside this process, with a
   * profile for each): it then follows the `sandbox` setting, on for a first run. The app and the
   * harness allow it; service tests leave it off unless they test it (later: an admin policy).
   */
  sandbox?: boolean
  /**
   * Whether this process owns the data folder (claimed by the app and the harness before they
   * open the log); claimed here when not given. A process that does not own it writes nothing.
   */
  dataFolder?: DataFolderClaim
  /** The update library behind its port (the packaged app), or why there is none. */
  updates?: UpdatesWiringDeps['updates']
  /** The log file being written (the app's; the harness has none), for diagnostics. */
  logFile?: string
  /** Where "Export diagnostics" writes (the app: Downloads); default: `diagnostics` in the data folder. */
  diagnosticsDir?: string
  /** The administrator's policy as read at start (see electron/main/policy/read-policy.ts). */
  policy?: PolicyRead
  /**
   * Which proxy the OS names for a URL (the app: Electron's `session.resolveProxy`, PAC and WPAD
   * included); default: the HTTPS_PROXY / HTTP_PROXY / NO_PROXY variables (the harness, tests).
   * The policy's `proxy` overrides it.
   */
  systemProxy?: ProxyResolver
}

export interface AppServices {
  dispatch: Dispatch
  events: EventHub
  settings: SettingsService
  profiles: ProfilesService
  credentials: CredentialsService
  /** Null while the sandbox is off or could not load. */
  readonly sandbox: Sandbox | null
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
  /** Stop what the services started (the queue, the sandbox's simulators). */
  close(): Promise<void>
}
