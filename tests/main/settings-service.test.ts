import { randomBytes } from 'node:crypto'
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { desktopSettings } from '../shared/fixtures'
import { defaultSettingsFor } from '../../electron/main/services/app-services'
import type { Clock } from '../../electron/main/services/clock'
import { createLogger } from '../../electron/main/services/logger'
import { openSettingsFile } from '../../electron/main/services/settings-file'
import { createSettingsService } from '../../electron/main/services/settings-service'
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
  it('starts on defaults without a file, and writes a versioned file on the first change', async () => {
    const { file, dir, make, onChanged } = setup()
    const service = await make()
    expect(service.get()).toEqual({ settings: defaults, recovery: null })
    expect(readdirSync(dir)).toEqual([])
    const next = await service.update({ theme: 'dark', defaultRegion: 'ES' })
    expect(next.settings).toEqual({ defaultRegion: 'ES', uiLanguage: 'en', theme: 'dark', ...desktopSettings })
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ version: 2, ...next.settings, profiles: [] })
    expect(onChanged).toHaveBeenCalledWith(next)
    expect(readdirSync(dir)).toEqual(['settings.json']) // no temp file left behind
    const reloaded = await make()
    expect(reloaded.get().settings).toEqual(next.settings)
  })

  it('migrates a version 1 file, filling what it lacks with defaults, and writes version 2 on the next change', async () => {
    const { make, file } = setup(JSON.stringify({ version: 1, theme: 'light' }))
    const service = await make()
    expect(service.get()).toEqual({ settings: { ...defaults, theme: 'light' }, recovery: null })
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

  it.each([
    ['random bytes', randomBytes(256), /not valid JSON/],
    ['an empty file', '', /not valid JSON/],
    ['a truncated file', '{"version":1,"theme":"da', /not valid JSON/],
    ['JSON of another app', JSON.stringify({ windowBounds: { x: 1 } }), /not a Callboard settings file/],
    ['an array', '[1,2,3]', /does not hold a settings object/],
    ['a wrong value', JSON.stringify({ version: 1, theme: 'neon' }), /theme/],
    ['an unknown key', JSON.stringify({ version: 1, theme: 'dark', tokn: 'x' }), /not a Callboard settings file/],
    [
      'a version 2 file with a broken profile',
      JSON.stringify({ version: 2, profiles: [{ provider: 'webex' }] }),
      /profiles\.0/,
    ],
    ['a version 2 file without profiles', JSON.stringify({ version: 2, theme: 'dark' }), /profiles/],
    ['a newer version', JSON.stringify({ version: 7, theme: 'dark' }), /newer Callboard/],
  ])('moves %s aside with a timestamp, starts on defaults, and says so', async (_name, content, reason) => {
    const { dir, file, make, lines } = setup(content)
    const service = await make()
    const state = service.get()
    expect(state.settings).toEqual(defaults)
    expect(state.recovery?.reason).toMatch(reason)
    const movedTo = join(dir, 'settings.json.corrupt-2026-11-23T09-30-00.000Z')
    expect(state.recovery?.movedTo).toBe(movedTo)
    expect(readFileSync(movedTo)).toEqual(Buffer.from(content)) // kept byte for byte, nothing wiped
    expect(lines.some((l) => l.includes('moved aside'))).toBe(true)
    await service.update({ theme: 'dark' })
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ version: 2, theme: 'dark' })
    expect(readFileSync(movedTo)).toEqual(Buffer.from(content))
  })

  it('never overwrites a settings file it could not read', async () => {
    const { file, make } = setup()
    mkdirSync(file) // a directory where the file should be: unreadable as settings
    const service = await make()
    expect(service.get().recovery).toMatchObject({ movedTo: null, reason: expect.stringMatching(/could not be read/) })
    await expect(service.update({ theme: 'dark' })).rejects.toMatchObject({ code: 'settings_unwritable' })
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
