import { inEnglish } from '../shared/in-english'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import Ajv2020 from 'ajv/dist/2020'
import { describe, expect, it } from 'vitest'
import type { PolicyIo } from '../../electron/main/policy/read-policy'
import { policyLocationFor, readPolicy, registryValue } from '../../electron/main/policy/read-policy'
import { policyJsonSchema } from '../../shared/schemas/policy-json-schema'
import type { Message } from '../../shared/i18n/message'
import { renderMessage } from '../../shared/i18n/render-message'
import { issueMessage } from '../../shared/i18n/issue-message'
import { drafts } from '../shared/fixtures'
import { createTestServices } from './test-app-services'

// The administrator's policy (fleet issue, item 3): read from each platform's managed place,
// validated whole (a wrong field means none of it applies, and the app says exactly what), then
// applied: locked settings, provided profiles the agent cannot edit, providers an agent may add,
// start at sign-in on for managed installs. Also hostile and partial files.

const MANAGED_ID = '7a1c0e5e-8a3b-4c1d-9e2f-0a1b2c3d4e5f'
const valid = {
  version: 1,
  settings: { defaultRegion: 'ES', uiLanguage: 'es', closeToTray: true },
  profiles: [{ ...drafts.webex, id: MANAGED_ID, label: 'Webex (empresa)' }],
  allowedProviders: ['webex', 'connect'],
  updateFeed: 'https://updates.example.com/callboard/',
}

const policyFile = (content: unknown) => {
  const path = join(mkdtempSync(join(tmpdir(), 'callboard-policy-')), 'policy.json')
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content))
  return path
}
const readFrom = (content: unknown) => readPolicy({ kind: 'file', path: policyFile(content) })

describe('reading the policy', () => {
  it('none where none is: the app runs as it would', async () => {
    expect(await readPolicy({ kind: 'file', path: '/nonexistent/callboard/policy.json' })).toEqual({
      source: null,
      policy: null,
      problem: null,
    })
  })

  it('a valid one, as written', async () => {
    const read = await readFrom(valid)
    expect(read.problem).toBeNull()
    expect(read.policy).toMatchObject({ settings: valid.settings, allowedProviders: ['webex', 'connect'] })
  })

  const hostile: [string, unknown, RegExp][] = [
    ['not JSON', '{"version": 1,', /not valid JSON/],
    ['an empty file', '', /not valid JSON/],
    ['a future version', { version: 2 }, /version: /],
    [
      'an unknown key (say, a setting this version cannot apply yet)',
      { version: 1, certificates: ['-----BEGIN CERTIFICATE-----'] },
      /Unrecognized key.*certificates/,
    ],
    [
      'a proxy written as a bare address',
      { version: 1, proxy: 'http://p:3128' },
      /proxy: Invalid input: expected object/,
    ],
    [
      'a proxy with its password',
      { version: 1, proxy: { url: 'http://agent:hunter22@proxy.corp:3128' } },
      /proxy\.url: .*never holds the proxy password/,
    ],
    ['a SOCKS proxy', { version: 1, proxy: { url: 'socks5://proxy.corp:1080' } }, /proxy\.url: /],
    [
      'a setting that is not a managed one',
      { version: 1, settings: { defaultOutdialProfileId: null } },
      /settings: Unrecognized key/,
    ],
    ['a wrong value', { version: 1, settings: { uiLanguage: 'fr' } }, /settings\.uiLanguage: /],
    [
      'an update feed over plain http',
      { version: 1, updateFeed: 'http://updates.example.com/' },
      /updateFeed: The update feed must be an https/,
    ],
    [
      'a profile with a secret in it',
      { version: 1, profiles: [{ ...valid.profiles[0], clientSecret: 'x' }] },
      /profiles\.0: Unrecognized key/,
    ],
    [
      'the same profile id twice',
      { version: 1, profiles: [valid.profiles[0], { ...valid.profiles[0], label: 'B' }] },
      /profiles\.1\.id: This id is used twice/,
    ],
    ['an empty list of allowed providers', { version: 1, allowedProviders: [] }, /allowedProviders: /],
    ['a __proto__ key', JSON.parse('{"version":1,"__proto__":{"settings":{}}}'), /Unrecognized key|__proto__/],
    ['an array', [valid], /\(the whole policy\)/],
  ]
  it.each(hostile)('%s: refused whole, with where and why', async (_name, content, why) => {
    const read = await readFrom(content)
    expect(read.policy).toBeNull()
    expect(inEnglish(read.problem)).toMatch(/^The policy (is not valid, so none of it is applied|is not valid JSON)/)
    expect(inEnglish(read.problem)).toMatch(why)
    // A message the window says in the agent's language, not English text.
    expect(read.problem).toMatchObject({ key: expect.stringMatching(/^policyProblem\./) })
  })

  it.each([
    [
      { version: 1, settings: { uiLanguage: 'fr' } },
      'settings.uiLanguage: Opción no válida: se esperaba una de "en"|"es"',
    ],
    [{ version: 1, settings: { colour: 'red' } }, 'settings: Clave no reconocida: "colour"'],
    [{ version: 1, proxy: 'http://p:3128' }, 'proxy: Valor no válido: se esperaba objeto y se recibió texto'],
  ])("zod's own reason in Spanish too, not its English (%j)", async (content, reason) => {
    const read = await readFrom(content)
    expect(renderMessage(read.problem!, 'es')).toBe(
      `La directiva no es válida, así que no se aplica nada de ella: ${reason}`,
    )
  })

  it('Windows: the "Policy" value under HKLM\\Software\\Policies\\Callboard, through reg query', async () => {
    const json = JSON.stringify({ version: 1, settings: { closeToTray: false } })
    const calls: string[][] = []
    const io: PolicyIo = {
      readFile: async () => null,
      run: async (command, args) => {
        calls.push([command, ...args])
        return {
          code: 0,
          stdout: `\r\nHKEY_LOCAL_MACHINE\\Software\\Policies\\Callboard\r\n    Policy    REG_SZ    ${json}\r\n\r\n`,
        }
      },
    }
    const read = await readPolicy(policyLocationFor('win32'), io)
    expect(calls).toEqual([['reg', 'query', 'HKLM\\Software\\Policies\\Callboard', '/v', 'Policy']])
    expect(read).toMatchObject({
      source: 'HKLM\\Software\\Policies\\Callboard\\Policy',
      policy: { settings: { closeToTray: false } },
    })
    // No key (reg exits 1): no policy.
    expect(registryValue({ code: 1, stdout: '' }, 'Policy')).toBeNull()
  })

  it('macOS: the managed preferences plist, converted by plutil', async () => {
    const io: PolicyIo = {
      readFile: async () => '<plist/>',
      run: async (command, args) =>
        command === 'plutil' && args.includes('/Library/Managed Preferences/io.callboard.desktop.plist')
          ? { code: 0, stdout: JSON.stringify({ version: 1, allowedProviders: ['connect'] }) }
          : { code: 1, stdout: '' },
    }
    const read = await readPolicy(policyLocationFor('darwin'), io)
    expect(read.policy).toMatchObject({ allowedProviders: ['connect'] })
  })
})

describe('the policy applied', () => {
  async function servicesWith(content: unknown) {
    const policy = await readFrom(content)
    const { services } = await createTestServices({ policy })
    const call = async (channel: string, input?: unknown) =>
      (await services.dispatch(channel, input)) as {
        ok: boolean
        value?: unknown
        error?: { code: string; message: string }
      }
    return { services, call }
  }

  it('locks its settings at their values; the others stay the agent’s; start at sign-in is on', async () => {
    const { call } = await servicesWith(valid)
    const state = (await call('settings:get')).value as { settings: Record<string, unknown> }
    expect(state.settings).toMatchObject({
      defaultRegion: 'ES',
      uiLanguage: 'es',
      closeToTray: true,
      startAtLogin: true,
    })
    const refused = await call('settings:update', { uiLanguage: 'en', theme: 'dark' })
    expect(inEnglish(refused)).toMatchObject({
      ok: false,
      error: { code: 'managed', message: expect.stringMatching(/^Managed by your organization: uiLanguage/) },
    })
    // The field's own issue too, worded in the agent's language by the settings form.
    const issues = (refused as { error?: { issues?: { path: string[]; message: string }[] } }).error?.issues ?? []
    expect(issues.map((i) => [i.path, renderMessage(issueMessage(i.message), 'es')])).toEqual([
      [['uiLanguage'], 'Lo gestiona su organización.'],
    ])
    expect(((await call('settings:get')).value as { settings: { theme: string } }).settings.theme).toBe('system')
    expect((await call('settings:update', { theme: 'dark' })).ok).toBe(true)
    // Saving a form that repeats a locked value is fine.
    expect((await call('settings:update', { uiLanguage: 'es', autoDial: true })).ok).toBe(true)
    expect((await call('policy:state')).value).toEqual({
      source: expect.stringMatching(/policy\.json$/),
      problem: null,
      lockedSettings: ['defaultRegion', 'uiLanguage', 'closeToTray'],
      managedProfiles: [MANAGED_ID],
      allowedProviders: ['webex', 'connect'],
    })
  })

  it('provides its profiles: listed, usable for credentials, never edited or removed here', async () => {
    const { call } = await servicesWith(valid)
    const listed = (await call('profiles:list')).value as { profile: { id: string; label: string } }[]
    expect(listed.map((s) => s.profile.label)).toContain('Webex (empresa)')
    expect(await call('profiles:save', { ...valid.profiles[0], label: 'Mine now' })).toMatchObject({
      error: { code: 'managed' },
    })
    expect(await call('profiles:remove', { profileId: MANAGED_ID })).toMatchObject({ error: { code: 'managed' } })
    expect((await call('credentials:status', { profileId: MANAGED_ID })).ok).toBe(true)
  })

  it('lets an agent add profiles only for the providers it allows', async () => {
    const { call } = await servicesWith(valid)
    expect(inEnglish(await call('profiles:save', drafts.egain))).toMatchObject({
      ok: false,
      error: { code: 'managed', message: 'Your organization does not allow adding egain profiles.' },
    })
    expect((await call('profiles:save', drafts.connect)).ok).toBe(true)
  })

  it('an invalid policy: none of it applies, the app runs with its defaults, and says why', async () => {
    const { call } = await servicesWith({ ...valid, updateFeed: 'http://insecure.example.com/' })
    expect((await call('settings:update', { uiLanguage: 'en' })).ok).toBe(true)
    expect((await call('profiles:save', drafts.egain)).ok).toBe(true)
    const state = (await call('policy:state')).value as { problem: Message; lockedSettings: string[] }
    expect(renderMessage(state.problem, 'en')).toMatch(
      /^The policy is not valid, so none of it is applied: updateFeed: /,
    )
    expect(renderMessage(state.problem, 'es')).toMatch(
      /^La directiva no es válida, así que no se aplica nada de ella: updateFeed: /,
    )
    expect(state.lockedSettings).toEqual([])
  })
})

describe('the policy’s JSON Schema for admins', () => {
  const committed = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../resources/policy.schema.json'), 'utf8'))

  it('is the one the app’s schema gives (npm run policy:schema writes it)', () => {
    expect(committed).toEqual(policyJsonSchema())
  })

  it('agrees with the app on the valid policy and on the hostile ones it can express', () => {
    const validate = new Ajv2020({ strict: false, allErrors: true }).compile(committed)
    expect(validate(valid)).toBe(true)
    expect(validate({ version: 2 })).toBe(false)
    expect(validate({ version: 1, proxy: 'x' })).toBe(false)
    expect(validate({ version: 1, settings: { uiLanguage: 'fr' } })).toBe(false)
    expect(validate({ version: 1, allowedProviders: [] })).toBe(false)
  })
})
