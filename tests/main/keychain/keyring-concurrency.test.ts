import * as binding from '@napi-rs/keyring'
import { describe, expect, it } from 'vitest'
import type { KeyringBinding } from '../../../electron/main/secrets/keyring-store'
import { createKeyringStore } from '../../../electron/main/secrets/keyring-store'
import { systemClock } from '../../../electron/main/core/clock'
import { createCredentialsService } from '../../../electron/main/secrets/credentials-service'
import { createLogger } from '../../../electron/main/core/logger'
import { Profile } from '../../../shared/schemas/profiles'
import { drafts } from '../../shared/fixtures'
import { keyringSessionAvailable } from './keychain-env'

// M3: concurrent health checks on a healthy keyring once overwrote each other's canary and most of
// them answered "unavailable". A healthy keyring must read as healthy however many ask at once.

const real = binding as unknown as KeyringBinding
const N = 150

describe.skipIf(!keyringSessionAvailable())('keychain health under concurrency (real gnome-keyring)', () => {
  const service = `Callboard concurrency test ${process.pid}`

  it(`${N} concurrent health checks on one store: none invents an outage, one probe serves them`, async () => {
    const store = createKeyringStore({ binding: real, service, clock: systemClock })
    const answers = await Promise.all(Array.from({ length: N }, () => store.health()))
    expect(answers.filter((a) => a.state !== 'available')).toEqual([])
  })

  it('two stores probing at once (as two processes would) never read each other’s canary', async () => {
    const first = createKeyringStore({ binding: real, service, clock: systemClock })
    const second = createKeyringStore({ binding: real, service, clock: systemClock })
    const answers = []
    // Rounds, not one burst: each store runs one probe at a time, so only the two stores overlap.
    for (let round = 0; round < 15; round++) answers.push(...(await Promise.all([first.health(), second.health()])))
    expect(answers.filter((a) => a.state !== 'available')).toEqual([])
    // Unique canaries must not pile up in the agent's keyring.
    const left = await real.findCredentialsAsync(service, null)
    expect(left.filter((e) => e.account.includes('canary'))).toEqual([])
  })

  it(`${N} concurrent credential status calls (a page load) all read the stored state`, async () => {
    const profile = Profile.parse({ ...drafts.webex, id: '44444444-4444-4444-8444-444444444444' })
    const credentials = createCredentialsService({
      secrets: createKeyringStore({ binding: real, service, clock: systemClock }),
      findProfile: (id) => (id === profile.id ? profile : undefined),
      clock: systemClock,
      logger: createLogger(() => undefined, systemClock),
    })
    const answers = await Promise.all(
      Array.from({ length: N }, (_, i) =>
        i % 3 === 0 ? credentials.health({ fresh: true }) : credentials.status(profile.id),
      ),
    )
    const falseAlarms = answers.filter((a) => a.state === 'unavailable' || a.state === 'keychain_unavailable')
    expect(falseAlarms).toEqual([])
  })
})
