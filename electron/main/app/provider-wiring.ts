import type { Message } from '@shared/i18n/message'
import { join } from 'node:path'
import { createChoicesCache } from '../choices/choices-cache'
import { createChoicesService } from '../choices/choices-service'
import { createClockSkew } from '../providers/clock-skew'
import type { ProbeRegistry } from '../providers/connection-tester'
import { createConnectionTester } from '../providers/connection-tester'
import { createTaskSender } from '../providers/task-sender'
import type { Clock } from '../core/clock'
import type { Logger } from '../core/logger'
import type { ProfileDirectory } from './profile-directory'

/** Time limit per request to a sandbox simulator: short, so "unresponsive" shows its outcome quickly. */
const SANDBOX_TIMEOUT_MS = 5000

export interface ProviderWiringDeps {
  directory: ProfileDirectory
  clock: Clock
  logger: Logger
  fetch: typeof fetch
  probes?: ProbeRegistry
  /** The data folder: fetched provider lists are kept in its `choices/` folder. */
  userDataDir: string
  /** Why this process may not write (another Callboard owns the data folder), or null. */
  notOwner: Message | null
}

/**
 * The send path and "Test connection" over the profile directory: each profile's provider found in
 * the registries, its client made once per profile (with the sandbox's shorter time limit for a
 * sandbox profile), and every answer's Date header teaching the outbox that provider's clock (Q8);
 * and the lists a profile's provider offers (choices), kept in the data folder.
 */
export function wireProviders({ directory, clock, logger, ...deps }: ProviderWiringDeps) {
  const skew = createClockSkew()
  const ports = {
    findProfile: directory.find,
    credentials: directory.credentials,
    endpointFor: directory.endpointFor,
    clock,
    fetch: deps.fetch,
  }
  // A sandbox profile's simulator starts on its first use, whichever call that is.
  const test = createConnectionTester({
    ...ports,
    tokens: directory.tokens,
    ...(deps.probes ? { probes: deps.probes } : {}),
    logger: logger.child('connection-test'),
  })
  const send = createTaskSender({
    ...ports,
    tokensFor: () => directory.tokens,
    clientEnv: (profile) => ({
      ...(directory.sandbox()?.isSandbox(profile.id) && { timeoutMs: SANDBOX_TIMEOUT_MS }),
      onServerDate: (date, sent, received) => skew.observe(profile.id, date, sent, received),
    }),
    providerOffsetMs: skew.offsetMs,
    logger: logger.child('send'),
  })
  const choices = createChoicesService({
    ...ports,
    cache: createChoicesCache(join(deps.userDataDir, 'choices')),
    tokens: directory.tokens,
    ready: directory.ready,
    notOwner: deps.notOwner,
    logger: logger.child('choices'),
  })
  return {
    skew,
    choices,
    testConnection: async (profileId: string) => {
      await directory.ready(profileId)
      return test(profileId)
    },
    /** The profile signed out: its client, and the credentials it held in memory, go. */
    signedOut: (profileId: string) => send.forgetClient(profileId),
    sendTask: async (task: Parameters<typeof send>[0]) => {
      await directory.ready(task.intent.profileId)
      return send(task)
    },
  }
}
