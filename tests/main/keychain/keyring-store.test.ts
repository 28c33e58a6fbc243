import * as binding from '@napi-rs/keyring'
import { describe, expect, it } from 'vitest'
import type { KeyringBinding } from '../../../electron/main/secrets/keyring-store'
import { createKeyringStore, isHealthCanary } from '../../../electron/main/secrets/keyring-store'
import { systemClock } from '../../../electron/main/core/clock'
import { bareBusConfig, keyringSessionAvailable, mkRuntime, probeIn, toolsAvailable } from './keychain-env'

const real = binding as unknown as KeyringBinding

describe.skipIf(!keyringSessionAvailable())('keyring store against a real Secret Service (gnome-keyring)', () => {
  const service = `Callboard test ${process.pid}`
  const store = createKeyringStore({ binding: real, service, clock: systemClock })

  it('reports the keychain available', async () => {
    await expect(store.health()).resolves.toMatchObject({ state: 'available', cause: 'ok', backend: 'secret-service' })
  })

  it('sets, gets, lists and deletes; two profiles stay apart', async () => {
    await store.set('profile:a', 'secret-a')
    await store.set('profile:b', 'secret-b')
    expect(await store.get('profile:a')).toBe('secret-a')
    expect(await store.get('profile:b')).toBe('secret-b')
    const listed = await store.list()
    expect(
      listed.filter((e) => e.account.startsWith('profile:')).sort((x, y) => x.account.localeCompare(y.account)),
    ).toEqual([
      { account: 'profile:a', value: 'secret-a' },
      { account: 'profile:b', value: 'secret-b' },
    ])
    expect(listed.some((e) => isHealthCanary(e.account))).toBe(false)
    expect(await store.delete('profile:a')).toBe(true)
    expect(await store.get('profile:a')).toBeNull()
    expect(await store.get('profile:b')).toBe('secret-b')
    expect(await store.delete('profile:a')).toBe(false)
    await store.delete('profile:b')
  })

  it('keeps unicode and 4 KB values byte for byte', async () => {
    const unicode = 'Señor Ωμέγα 测试 🔑 \u0000 end'
    const big = 'k'.repeat(4096 - 8) + 'é🔑ü'
    await store.set('profile:unicode', unicode)
    await store.set('profile:big', big)
    expect(await store.get('profile:unicode')).toBe(unicode)
    expect(await store.get('profile:big')).toBe(big)
    await store.delete('profile:unicode')
    await store.delete('profile:big')
  })

  it('a different service name sees none of our entries', async () => {
    await store.set('profile:iso', 'x')
    const other = createKeyringStore({ binding: real, service: `${service} other`, clock: systemClock })
    expect(await other.get('profile:iso')).toBeNull()
    expect((await other.list()).length).toBe(0)
    await store.delete('profile:iso')
  })
})

describe.skipIf(!toolsAvailable())('keychain states are distinct (S5)', () => {
  it('no D-Bus session: unavailable / no_session_bus', () => {
    const env = { ...process.env }
    delete env['DBUS_SESSION_BUS_ADDRESS']
    const result = probeIn('PROBE', env)
    expect(result.health).toMatchObject({ state: 'unavailable', cause: 'no_session_bus' })
    expect(result.health.detail).toMatch(/DBUS_SESSION_BUS_ADDRESS/)
    expect(result.read).toMatch(/^error: /) // never a silent "no credential"
  })

  it('a bus with no Secret Service provider: unavailable / no_secret_service', () => {
    const result = probeIn(`dbus-run-session --config-file=${bareBusConfig()} -- PROBE`)
    expect(result.health).toMatchObject({ state: 'unavailable', cause: 'no_secret_service' })
    expect(result.health.detail).toMatch(/org\.freedesktop\.secrets/)
  })

  it('a locked login collection: locked within 5 s', () => {
    const result = probeIn(
      `${mkRuntime} && dbus-run-session -- sh -c '
        printf pw | gnome-keyring-daemon --unlock --components=secrets >/dev/null &&
        dbus-send --session --print-reply --dest=org.freedesktop.secrets /org/freedesktop/secrets \
          org.freedesktop.Secret.Service.Lock array:objpath:/org/freedesktop/secrets/collection/login >/dev/null &&
        PROBE'`,
    )
    expect(result.health).toMatchObject({ state: 'locked', cause: 'locked' })
    expect(result.ms).toBeLessThan(5000)
  })

  it('a keyring daemon that was never unlocked: locked / no_default_collection', () => {
    const result = probeIn(`${mkRuntime} && dbus-run-session -- PROBE`)
    expect(result.health).toMatchObject({ state: 'locked', cause: 'no_default_collection' })
    expect(result.ms).toBeLessThan(5000)
  })
})
