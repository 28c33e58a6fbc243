import { join } from 'node:path'
import type { DiagnosticsSources } from '../diagnostics/diagnostics-export'
import { diagnosticsHandlers } from '../diagnostics/diagnostics-handlers'
import type { Queue } from '../outbox/open-queue'
import { queueSnapshot } from '../outbox/queue-handlers'
import type { PolicyState } from '@shared/schemas/policy'
import type { CredentialsService } from '../secrets/credentials-service'
import type { SettingsService } from '../settings/settings-service'
import type { UpdateKeeper } from '../updates/update-keeper'
import type { AppServicesDeps } from './app-services-api'
import type { ProfileDirectory } from './profile-directory'

/**
 * "Export diagnostics": what it reads, from the services that know it, and where it writes (the
 * app's Downloads; `diagnostics` in the data folder unless told).
 */
export function wireDiagnostics(
  deps: Pick<AppServicesDeps, 'appInfo' | 'clock' | 'secrets' | 'logFile' | 'diagnosticsDir' | 'userDataDir'>,
  services: {
    settings: SettingsService
    directory: ProfileDirectory
    queue: Queue
    updates: UpdateKeeper
    policy: PolicyState
    credentials: CredentialsService
  },
) {
  const { settings, directory, queue, updates, policy, credentials } = services
  const sources: DiagnosticsSources = {
    appInfo: deps.appInfo,
    clock: deps.clock,
    settings: () => settings.get(),
    profiles: () => directory.summaries(),
    // The queue's figures only (no page of rows: those hold customers' numbers).
    queue: () => {
      const { counts, paused, lanes, notice, stopped, unavailable } = queueSnapshot(queue, { limit: 0 })
      return { counts, paused, lanes, notice, stopped, unavailable }
    },
    entries: () => queue.outbox?.list() ?? [],
    updates: () => updates.status(),
    policy: () => policy,
    keychain: () => credentials.health(),
    logFile: deps.logFile ?? null,
    secrets: deps.secrets,
  }
  return diagnosticsHandlers(sources, deps.diagnosticsDir ?? join(deps.userDataDir, 'diagnostics'))
}
