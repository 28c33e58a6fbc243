// Child-process probe for the keychain tests: prints the adapter's health as one JSON line, plus
// how long it took, so the parent can run it under different D-Bus set-ups.
import * as binding from '@napi-rs/keyring'
import { createKeyringStore } from '../../../electron/main/secrets/keyring-store'
import type { KeyringBinding } from '../../../electron/main/secrets/keyring-store'
import { systemClock } from '../../../electron/main/core/clock'

const store = createKeyringStore({
  binding: binding as unknown as KeyringBinding,
  service: 'Callboard test',
  clock: systemClock,
})
const started = Date.now()
const health = await store.health()
let read: string
try {
  read = JSON.stringify(await store.get('callboard.test.some-profile'))
} catch (error) {
  read = `error: ${(error as Error).message}`
}
console.log(JSON.stringify({ health, ms: Date.now() - started, read }))
