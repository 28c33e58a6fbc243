import { randomBytes } from 'node:crypto'
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { desktopSettings } from '../shared/fixtures'
import { defaultSettingsFor } from '../../electron/main/app/app-services'
import type { Clock } from '../../electron/main/core/clock'
import { createLogger } from '../../electron/main/core/logger'
import { openSettingsFile } from '../../electron/main/settings/settings-file'
import { createSettingsService } from '../../electron/main/settings/settings-service'
import { inEnglish } from '../shared/in-english'
import type { SettingsValues } from '../../shared/schemas/settings'

const fixedClock: Clock = { now: () => new Date('2026-11-23T09:30:00.000Z'), monotonicMs: () => 0 }
const defaults: SettingsValues = { defaultRegion: 'GB', uiLanguage: 'en', theme: 'system', ...desktopSettings }

function setup(content?: string | Buffer) {
  const dir = mkdtempSync(join(tmpdir(), 'callboard-settings-'))
  const file = join(dir, 'settings.json')
  if (content !== undefined) writeFileSync(file, content)
  const lines: string[] = []
  const onChanged = vi.fn()
  const make = async () => {
    const logger = createLogger((l) => lines.push(l), fixedClock)
    return createSettingsService({
      file: await openSettingsFile({ file, clock: fixedClock, logger }),
      defaults,
      logger,
      onChanged,
    })
  }
  return { dir, file, lines, onChanged, make }
}

describe('settings service', () => {
  it('starts on defaults without a file, and writes a versioned file and its last good copy on the first change', async () => {
    const { file, dir, make, onChanged } = setup()
    const service = await make()
    expect(service.get()).toEqual({ settings: defaults, recovery: null, setAside: [], readOnly: null })
    expect(readdirSync(dir)).toEqual([])
    const next = await service.update({ theme: 'dark', defaultRegion: 'ES' })
    expect(next.settings).toEqual({ defaultRegion: 'ES', uiLanguage: 'en', theme: 'dark', ...desktopSettings })
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ version: 2, ...next.settings, profiles: [] })
    expect(readFileSync(join(dir, 'settings.last-good.json'), 'utf8')).toBe(readFileSync(file, 'utf8'))
    expect(onChanged).toHaveBeenCalledWith(next)
    expect(readdirSync(dir).sort()).toEqual(['settings.json', 'settings.last-good.json']) // no temp file left
    const reloaded = await make()
    expect(reloaded.get().settings).toEqual(next.settings)
  })

  it('migrates a version 1 file, filling what it lacks with defaults, and writes version 2 on the next change', async () => {
    const { make, file } = setup(JSON.stringify({ version: 1, theme: 'light' }))
    const service = await make()
    expect(service.get()).toEqual({
      settings: { ...defaults, theme: 'light' },
      recovery: null,
      setAside: [],
      readOnly: null,
    })
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ version: 1, theme: 'light' }) // untouched until a change
    await service.update({ uiLanguage: 'es' })
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({
      version: 2,
      ...defaults,
      theme: 'light',
      uiLanguage: 'es',
      profiles: [],
    })
  })

  it('applies concurrent updates in call order', async () => {
    const { make, file } = setup()
    const service = await make()
    await Promise.all([
      service.update({ theme: 'dark' }),
      service.update({ uiLanguage: 'es' }),
      service.update({ theme: 'light' }),
    ])
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ theme: 'light', uiLanguage: 'es' })
  })

  const wholeFileDamage: [string, string | Buffer, RegExp][] = [
    ['random bytes', randomBytes(256), /not valid JSON/],
    ['an empty file', '', /empty/],
    ['a truncated file', '{"version":2,"theme":"da', /not valid JSON/],
    ['JSON of another app', JSON.stringify({ windowBounds: { x: 1 } }), /no settings version/],
    ['an array', '[1,2,3]', /does not hold a settings object/],
  ]

  it.each(wholeFileDamage)(
    '%s: moved aside with a timestamp, the last good copy restored (profiles and all), and says so',
    async (_name, content, reason) => {
      const { dir, file, make, lines } = setup()
      const first = await make()
      await first.update({ theme: 'dark', defaultRegion: 'ES' })
      const good = readFileSync(file, 'utf8')
      writeFileSync(file, content)

      const service = await make()
      const state = inEnglish(service.get())
      expect(state.settings).toMatchObject({ theme: 'dark', defaultRegion: 'ES' })
      expect(state.recovery).toMatchObject({ restoredFrom: 'last_good' })
      expect(state.readOnly).toBeNull()
      expect(state.recovery?.reason).toMatch(reason)
      const movedTo = join(dir, 'settings.json.corrupt-2026-11-23T09-30-00.000Z')
      expect(state.recovery?.movedTo).toBe(movedTo)
      expect(readFileSync(movedTo)).toEqual(Buffer.from(content)) // kept byte for byte, nothing wiped
      expect(readFileSync(file, 'utf8')).toBe(good) // the good settings are back on disk
      expect(lines.some((l) => l.includes('moved aside'))).toBe(true)
    },
  )

  it.each(wholeFileDamage)(
    '%s, with no last good copy: moved aside, defaults, and says so',
    async (_n, content, reason) => {
      const { dir, make } = setup(content)
      const service = await make()
      const state = inEnglish(service.get())
      expect(state.settings).toEqual(defaults)
      expect(state.recovery).toMatchObject({ restoredFrom: null })
      expect(state.readOnly).toBeNull()
      expect(state.recovery?.reason).toMatch(reason)
      expect(readFileSync(join(dir, 'settings.json.corrupt-2026-11-23T09-30-00.000Z'))).toEqual(Buffer.from(content))
      await service.update({ theme: 'light' })
    },
  )

  it('one flipped byte in a preference costs that preference only', async () => {
    const { file, make } = setup()
    const first = await make()
    await first.update({ theme: 'dark', defaultRegion: 'ES', uiLanguage: 'es' })
    writeFileSync(file, readFileSync(file, 'utf8').replace('"ES"', '"EZ"'))
    const state = inEnglish((await make()).get())
    // Taken from the last good copy; the others as they were.
    expect(state.settings).toMatchObject({ theme: 'dark', defaultRegion: 'ES', uiLanguage: 'es' })
    expect(state.recovery).toMatchObject({ restoredFrom: 'last_good' })
    expect(state.readOnly).toBeNull()
    expect(state.recovery?.reason).toMatch(/defaultRegion/)
  })

  it('a wrong value with no last good copy falls back to its default alone', async () => {
    const { make } = setup(JSON.stringify({ version: 2, theme: 'neon', uiLanguage: 'es', profiles: [] }))
    const state = inEnglish((await make()).get())
    expect(state.settings).toEqual({ ...defaults, uiLanguage: 'es' })
    expect(state.recovery?.reason).toMatch(/theme/)
  })

  it('a file written by a newer Callboard is left as it is: the last good copy is used, and nothing is saved over it', async () => {
    const { dir, file, make } = setup()
    const first = await make()
    await first.update({ theme: 'dark' })
    const newer = JSON.stringify({ version: 7, theme: 'light', profiles: [], somethingNew: true })
    writeFileSync(file, newer)
    const service = await make()
    expect(service.get().settings.theme).toBe('dark')
    expect(inEnglish(service.get()).recovery).toMatchObject({ restoredFrom: 'last_good', movedTo: null })
    expect(inEnglish(service.get()).readOnly).toMatch(/newer Callboard/)
    expect(inEnglish(service.get()).recovery?.reason).toMatch(/newer Callboard/)
    await expect(service.update({ theme: 'light' })).rejects.toMatchObject({ code: 'settings_unwritable' })
    expect(readFileSync(file, 'utf8')).toBe(newer)
    expect(readdirSync(dir).filter((f) => f.includes('corrupt'))).toEqual([])
  })

  it('never overwrites a settings file it could not read (a directory in its place), and uses the last good copy', async () => {
    const { file, make } = setup()
    const first = await make()
    await first.update({ theme: 'dark' })
    rmSync(file)
    mkdirSync(file)
    const service = await make()
    expect(service.get().settings.theme).toBe('dark')
    expect(inEnglish(service.get()).readOnly).toMatch(/could not be read/)
    expect(inEnglish(service.get()).recovery).toMatchObject({
      movedTo: null,
      restoredFrom: 'last_good',
      reason: expect.stringMatching(/could not be read \(EISDIR\)/),
    })
    await expect(service.update({ theme: 'light' })).rejects.toMatchObject({ code: 'settings_unwritable' })
  })

  it('a settings file that went missing comes back from the last good copy', async () => {
    const { file, make } = setup()
    const first = await make()
    await first.update({ theme: 'dark' })
    rmSync(file)
    const service = await make()
    expect(service.get().settings.theme).toBe('dark')
    expect(inEnglish(service.get()).recovery).toMatchObject({
      restoredFrom: 'last_good',
      reason: expect.stringMatching(/missing/),
    })
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ theme: 'dark' })
  })

  it.each([
    ['en-GB', { defaultRegion: 'GB', uiLanguage: 'en' }],
    ['es-MX', { defaultRegion: 'MX', uiLanguage: 'es' }],
    ['es', { defaultRegion: 'ES', uiLanguage: 'es' }],
    ['de', { defaultRegion: 'DE', uiLanguage: 'en' }],
    ['not a locale!', { defaultRegion: 'US', uiLanguage: 'en' }],
  ])('first-run defaults from the OS locale %s', (locale, expected) => {
    expect(defaultSettingsFor(locale)).toMatchObject({ ...expected, theme: 'system' })
  })
})

describe('desktop preferences', () => {
  it('a file written before they existed reads with their defaults, and a change to one keeps the rest', async () => {
    const { make, file } = setup(
      JSON.stringify({ version: 2, defaultRegion: 'ES', uiLanguage: 'es', theme: 'dark', profiles: [] }),
    )
    const service = await make()
    expect(service.get().settings).toEqual({ defaultRegion: 'ES', uiLanguage: 'es', theme: 'dark', ...desktopSettings })
    await service.update({ dialShortcut: 'Ctrl+Shift+F9', closeToTray: false })
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({
      defaultRegion: 'ES',
      dialShortcut: 'Ctrl+Shift+F9',
      closeToTray: false,
      autoDial: false,
    })
  })

  it('refuses a reserved or malformed shortcut with the reason', async () => {
    const { make } = setup()
    const service = await make()
    await expect(service.update({ dialShortcut: 'CommandOrControl+C' })).rejects.toThrow(/used by the desktop/)
    await expect(service.update({ dialShortcut: 'Shift+D' })).rejects.toThrow(/would fire while typing/)
  })
})
