import { inEnglish } from '../shared/in-english'
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Result } from '../../shared/ipc/result'
import type { ProfileSummary } from '../../shared/schemas/credentials'
import { drafts, secrets } from '../shared/fixtures'
import { createTestServices } from './test-app-services'

// Trust issue A5: one owner for the whole data folder. A second Callboard on the same folder
// shows what it finds but writes nothing (settings, profiles, credentials, the queue), and says
// which process owns the folder.

type Services = Awaited<ReturnType<typeof createTestServices>>['services']
const call = async (services: Services, channel: string, input?: unknown) =>
  (await services.dispatch(channel, input)) as Result<unknown>

/** Every file under the folder with its size and modification time. */
function listing(dir: string): Record<string, string> {
  const out: Record<string, string> = {}
  const walk = (d: string) => {
    for (const name of readdirSync(d, { withFileTypes: true })) {
      const path = join(d, name.name)
      if (name.isDirectory()) walk(path)
      else {
        const s = statSync(path)
        out[path.slice(dir.length)] = `${s.size}:${s.mtimeMs}`
      }
    }
  }
  walk(dir)
  return out
}

describe('one owner for the data folder (A5)', () => {
  it('a second Callboard writes nothing, refuses every change, and names the owner; the owner’s changes stand', async () => {
    const userDataDir = mkdtempSync(join(tmpdir(), 'callboard-owner-'))
    const owner = await createTestServices({ userDataDir })
    const ownProfile = (await call(owner.services, 'profiles:save', drafts.webex)) as Result<ProfileSummary>
    if (!ownProfile.ok) throw new Error('fixture')
    const stored = { profileId: ownProfile.value.profile.id, secret: secrets.webex }
    expect(await call(owner.services, 'credentials:set', stored)).toMatchObject({ ok: true })
    // The same computer: the same keychain.
    const second = await createTestServices({ userDataDir, secrets: owner.store })
    try {
      const before = listing(userDataDir)
      const state = inEnglish(await call(second.services, 'settings:get'))
      expect(state).toMatchObject({
        ok: true,
        value: {
          readOnly: expect.stringMatching(
            new RegExp(`^Another Callboard \\(process ${process.pid}, started [^)]+\\) is using this data folder`),
          ),
        },
      })
      // It sees the owner's profile...
      const seen = (await call(second.services, 'profiles:list')) as Result<ProfileSummary[]>
      expect(seen.ok && seen.value.map((s) => s.profile.label)).toEqual(['Webex US'])
      // ...and every change is refused, with the reason.
      const refusals = [
        await call(second.services, 'settings:update', { theme: 'dark' }),
        await call(second.services, 'profiles:save', { ...drafts.egain }),
        await call(second.services, 'profiles:save', { ...ownProfile.value.profile, label: 'Renamed elsewhere' }),
        await call(second.services, 'profiles:remove', { profileId: ownProfile.value.profile.id }),
        await call(second.services, 'credentials:set', {
          profileId: ownProfile.value.profile.id,
          secret: secrets.webex,
        }),
        await call(second.services, 'tasks:submit', {
          intent: {
            kind: 'outdial',
            profileId: ownProfile.value.profile.id,
            destination: '+14155550100',
            entryPointId: 'EP-outbound-1',
            origin: '+14085550100',
          },
        }),
      ]
      for (const refused of refusals) {
        expect(inEnglish(refused)).toMatchObject({
          ok: false,
          error: { message: expect.stringMatching(/Another Callboard/) },
        })
      }
      // Not one byte of the folder changed, and the owner's credentials are still there.
      expect(listing(userDataDir)).toEqual(before)
      expect(await owner.store.get(`profile:${ownProfile.value.profile.id}:secret`)).not.toBeNull()

      // The owner carries on, and its changes are the ones on disk.
      expect(
        await call(owner.services, 'profiles:save', { ...ownProfile.value.profile, label: 'Sales' }),
      ).toMatchObject({
        ok: true,
      })
      const file = JSON.parse(readFileSync(join(userDataDir, 'settings.json'), 'utf8')) as {
        profiles: { label: string }[]
      }
      expect(file.profiles.map((p) => p.label)).toEqual(['Sales'])
    } finally {
      await second.services.close()
      await owner.services.close()
    }
  })

  it('once the owner is gone, the next Callboard owns the folder', async () => {
    const userDataDir = mkdtempSync(join(tmpdir(), 'callboard-owner-'))
    const first = await createTestServices({ userDataDir })
    await first.services.close()
    const next = await createTestServices({ userDataDir })
    try {
      expect(await call(next.services, 'settings:get')).toMatchObject({ ok: true, value: { readOnly: null } })
      expect(await call(next.services, 'settings:update', { theme: 'dark' })).toMatchObject({ ok: true })
    } finally {
      await next.services.close()
    }
  })
})
