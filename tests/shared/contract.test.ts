import { describe, expect, it } from 'vitest'
import { desktopSettings } from './fixtures'
import { z } from 'zod'
import { createBridge } from '../../shared/ipc/bridge'
import { eventChannels, invokeChannels, isInvokeChannel } from '../../shared/ipc/channels'
import { events, invokes } from '../../shared/ipc/contract'
import { describeContract } from '../../harness/contract-json-schema'
import { SettingsDocument, SettingsFileV1, SettingsPatch, SettingsValues } from '../../shared/schemas/settings'

describe('IPC contract', () => {
  it('names every channel domain:verb and matches the preload channel list exactly', () => {
    expect(Object.keys(invokes).sort()).toEqual([...invokeChannels].sort())
    expect(Object.keys(events).sort()).toEqual([...eventChannels].sort())
    for (const name of [...invokeChannels, ...eventChannels]) expect(name).toMatch(/^[a-z]+:[a-z][A-Za-z]*$/)
    expect(isInvokeChannel('settings:get')).toBe(true)
    expect(isInvokeChannel('hasOwnProperty')).toBe(false)
  })

  it('has object inputs that refuse unknown keys', () => {
    for (const [channel, spec] of Object.entries(invokes)) {
      if (spec.input instanceof z.ZodUndefined) continue
      expect(spec.input.safeParse({ theme: 'dark', unexpected: 1 }).success, channel).toBe(false)
    }
  })

  it('converts every schema to JSON Schema', () => {
    const described = describeContract()
    expect(Object.keys(described.invokes).sort()).toEqual([...invokeChannels].sort())
    expect(Object.keys(described.events).sort()).toEqual([...eventChannels].sort())
    expect(described.invokes['settings:update']?.input).toMatchObject({
      type: 'object',
      additionalProperties: false,
      properties: { theme: { enum: ['system', 'light', 'dark'] } },
    })
  })

  it('bridge builder routes each method to its own channel', async () => {
    const calls: [string, unknown][] = []
    const bridge = createBridge({
      invoke: async (channel, input) => {
        calls.push([channel, input])
        return { ok: true, value: null }
      },
      subscribe: () => () => undefined,
    })
    await bridge.settings.get()
    await bridge.settings.update({ theme: 'dark' })
    await bridge.app.info()
    expect(calls).toEqual([
      ['settings:get', undefined],
      ['settings:update', { theme: 'dark' }],
      ['app:info', undefined],
    ])
  })
})

describe('settings schemas', () => {
  it.each([
    { defaultRegion: 'GB', uiLanguage: 'en', theme: 'system', ...desktopSettings },
    { defaultRegion: 'VN', uiLanguage: 'es', theme: 'dark', ...desktopSettings },
  ])('accepts %o', (value) => expect(SettingsValues.safeParse(value).success).toBe(true))

  it.each([
    ['unknown region', { defaultRegion: 'ZZ', uiLanguage: 'en', theme: 'system', ...desktopSettings }],
    ['lower-case region', { defaultRegion: 'gb', uiLanguage: 'en', theme: 'system', ...desktopSettings }],
    ['unsupported language', { defaultRegion: 'GB', uiLanguage: 'fr', theme: 'system', ...desktopSettings }],
    ['unknown theme', { defaultRegion: 'GB', uiLanguage: 'en', theme: 'blue', ...desktopSettings }],
    ['missing theme', { defaultRegion: 'GB', uiLanguage: 'en', ...desktopSettings }],
    ['extra key', { defaultRegion: 'GB', uiLanguage: 'en', theme: 'system', ...desktopSettings, extra: true }],
  ])('refuses %s', (_name, value) => expect(SettingsValues.safeParse(value).success).toBe(false))

  it('requires a non-empty patch and the file version', () => {
    expect(SettingsPatch.safeParse({}).success).toBe(false)
    expect(SettingsPatch.safeParse({ theme: 'dark' }).success).toBe(true)
    expect(SettingsFileV1.safeParse({ theme: 'dark' }).success).toBe(false)
    expect(SettingsFileV1.safeParse({ version: 2, theme: 'dark' }).success).toBe(false)
    expect(SettingsDocument.safeParse({ version: 2, profiles: [] }).success).toBe(true)
    expect(SettingsDocument.safeParse({ version: 2 }).success).toBe(false)
    expect(SettingsFileV1.safeParse({ version: 1 }).success).toBe(true)
  })
})
