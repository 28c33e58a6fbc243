import { afterAll, describe, expect, it } from 'vitest'
import { renderMessage } from '../../../shared/i18n/render-message'
import { createConnectionTester } from '../../../electron/main/providers/connection-tester'
import { createCredentialsService } from '../../../electron/main/secrets/credentials-service'
import { systemClock } from '../../../electron/main/core/clock'
import { createLogger } from '../../../electron/main/core/logger'
import { createTokenCache } from '../../../electron/main/secrets/token-cache'
import { startSimulator } from '../simulators'
import type { RunningSimulator } from '../../../electron/main/providers/simulator-kit/loopback-server'
import { Profile } from '../../../shared/schemas/profiles'
import type { ProviderName } from '../../../shared/schemas/providers'
import { drafts, secrets } from '../../shared/fixtures'
import { memorySecretStore } from '../memory-secret-store'
import { ANSWERED_MS } from './time-limits'

const ID = '6f1c2a8e-4b7d-4c1e-9a3f-2d5b8e7c1a90'
const running: RunningSimulator[] = []
afterAll(async () => {
  for (const simulator of running) await simulator.close()
})

/** Start one provider's simulator through the shared module; return a profile pointing at it. */
async function simulatedProfile(provider: ProviderName): Promise<{ profile: Profile; connectUrl?: string }> {
  switch (provider) {
    case 'webex': {
      const s = await startSimulator('webex', { ...secrets.webex })
      running.push(s)
      return {
        profile: Profile.parse({
          ...drafts.webex,
          id: ID,
          endpoint: { kind: 'custom', baseUrl: s.url },
          identityUrl: s.identityUrl,
        }),
      }
    }
    case 'egain': {
      const s = await startSimulator('egain', {
        clientId: drafts.egain.clientId,
        clientSecret: secrets.egain.clientSecret,
      })
      running.push(s)
      return { profile: Profile.parse({ ...drafts.egain, id: ID, apiBaseUrl: s.url, tokenUrl: s.tokenUrl }) }
    }
    case 'connect': {
      const s = await startSimulator('connect', {
        accessKeyId: secrets.connect.accessKeyId,
        secretAccessKey: secrets.connect.secretAccessKey,
        instances: [{ id: drafts.connect.instanceId, alias: 'sim-instance' }],
      })
      running.push(s)
      return { profile: Profile.parse({ ...drafts.connect, id: ID }), connectUrl: s.url }
    }
    case 'aiccs': {
      const s = await startSimulator('aiccs', { ...secrets.aiccs })
      running.push(s)
      return { profile: Profile.parse({ ...drafts.aiccs, id: ID, endpoint: s.host }) }
    }
    case 'voice_broadcast': {
      const s = await startSimulator('voice_broadcast', { ...secrets.voice_broadcast })
      running.push(s)
      return { profile: Profile.parse({ ...drafts.voice_broadcast, id: ID, baseUrl: s.url }) }
    }
  }
}

describe('startSimulator: every provider on a random loopback port', () => {
  it.each(['webex', 'egain', 'connect', 'aiccs', 'voice_broadcast'] as const)(
    '%s answers an authenticated Test connection with the matching credentials',
    async (provider) => {
      const { profile, connectUrl } = await simulatedProfile(provider)
      const store = memorySecretStore()
      const logger = createLogger(() => undefined, systemClock)
      const credentials = createCredentialsService({
        secrets: store,
        findProfile: () => profile,
        clock: systemClock,
        logger,
      })
      await credentials.set(ID, secrets[provider])
      const test = createConnectionTester({
        credentials,
        findProfile: () => profile,
        tokens: createTokenCache({ secrets: store, clock: systemClock, logger }),
        endpointFor: () => connectUrl,
        clock: systemClock,
        logger,
        fetch,
        timeoutMs: ANSWERED_MS,
      })
      const result = await test(ID)
      expect(result, result.providerMessage ?? renderMessage(result.message)).toMatchObject({ outcome: 'connected' })
      expect(running.at(-1)!.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    },
  )
})
