import { inEnglish, said } from '../shared/in-english'
import fc from 'fast-check'
import { msg } from '../../shared/i18n/message'
import type { Mock } from 'vitest'
import { desktopSettings } from '../shared/fixtures'
import { describe, expect, it, vi } from 'vitest'
import type { Handlers } from '../../electron/main/ipc/dispatch'
import { createDispatch } from '../../electron/main/ipc/dispatch'
import { AppError } from '../../electron/main/core/app-error'
import { systemClock } from '../../electron/main/core/clock'
import { createLogger } from '../../electron/main/core/logger'
import { invokeChannels } from '../../shared/ipc/channels'
import { invokes } from '../../shared/ipc/contract'

const PROFILE_ID = '6f1c2a8e-4b7d-4c1e-9a3f-2d5b8e7c1a90'

const QUEUE_ITEM = {
  id: PROFILE_ID,
  seq: 0,
  version: 0,
  dismissed: false,
  profileId: PROFILE_ID,
  provider: 'webex',
  kind: 'outdial',
  subject: said('+14085550199'),
  waitingBehind: null,
  idempotencyKey: PROFILE_ID,
  createdAt: '2026-11-23T09:00:00.000Z',
  notAfter: '2026-11-23T09:15:00.000Z',
  deadlineReason: msg('deadline.outdial', { minutes: 15 }),
  attempts: 0,
  state: 'queued',
  nextAttemptAt: null,
  lastProblem: null,
  providerId: null,
  updatedAt: '2026-11-23T09:00:00.000Z',
} as const

const validOutputs = {
  'app:info': {
    name: 'Callboard',
    version: '0.1.0',
    platform: 'linux',
    arch: 'x64',
    runtime: 'harness',
    electronVersion: null,
  },
  'settings:get': {
    settings: { defaultRegion: 'GB', uiLanguage: 'en', theme: 'system', ...desktopSettings },
    recovery: null,
    setAside: [],
    readOnly: null,
  },
  'settings:update': {
    settings: { defaultRegion: 'GB', uiLanguage: 'en', theme: 'dark', ...desktopSettings },
    recovery: null,
    setAside: [],
    readOnly: null,
  },
  'profiles:list': [],
  'profiles:save': {
    profile: {
      id: PROFILE_ID,
      provider: 'voice_broadcast',
      label: 'Broadcast',
      baseUrl: 'https://api.itniotech.com',
      appId: 'app-1',
      defaultDisplayNum: '',
      senderId: '',
      smsAppId: '',
      numberListShape: 'numberList',
    },
    credentials: { profileId: PROFILE_ID, state: 'missing', hint: null },
    sandbox: false,
  },
  'profiles:remove': { profileId: PROFILE_ID },
  'choices:list': {
    profileId: PROFILE_ID,
    kind: 'webex_entry_points',
    choices: [{ value: 'ep-1', name: 'Sales outbound', detail: 'OUTBOUND' }],
    fetchedAt: '2026-11-23T09:00:00.000Z',
    truncated: false,
    problem: null,
  },
  'profiles:test': {
    profileId: PROFILE_ID,
    outcome: 'auth_rejected',
    message: msg('probe.voice.keysRefused'),
    providerMessage: '-1 authentication error',
    httpStatus: 200,
    latencyMs: 12,
  },
  'credentials:status': { profileId: PROFILE_ID, state: 'stored', hint: '4567' },
  'credentials:set': { profileId: PROFILE_ID, state: 'stored', hint: null },
  'credentials:clear': { profileId: PROFILE_ID, state: 'missing', hint: null },
  'keychain:health': {
    state: 'locked',
    cause: 'locked',
    backend: 'secret-service',
    detail: 'locked',
    checkedAt: '2026-11-23T09:00:00.000Z',
  },
  'tasks:submit': QUEUE_ITEM,
  'queue:list': {
    items: [QUEUE_ITEM],
    counts: { waiting: 1, attention: 0 },
    paused: false,
    lanes: [
      {
        profileId: PROFILE_ID,
        provider: 'webex',
        health: 'unknown',
        blockedUntil: null,
        inFlight: 0,
        clockSkewMs: null,
      },
    ],
    notice: null,
    unavailable: null,
    stopped: null,
    offset: 0,
    total: 1,
  },
  'queue:retry': QUEUE_ITEM,
  'queue:cancel': { ...QUEUE_ITEM, state: 'cancelled' },
  'queue:resolve': { ...QUEUE_ITEM, state: 'sent' },
  'queue:dismiss': { ...QUEUE_ITEM, state: 'rejected', dismissed: true },
  'history:list': { items: [QUEUE_ITEM], offset: 0, total: 1 },
  'dial:pending': null,
  'dial:confirm': QUEUE_ITEM,
  'dial:cancel': { requestId: PROFILE_ID },
  'desktop:clipboardNumber': null,
  'desktop:status': {
    available: true,
    shortcut: {
      accelerator: 'CommandOrControl+Alt+D',
      registered: false,
      problem: said('Taken by another application.'),
    },
    tray: true,
    links: { tel: true, callto: false },
  },
  'sandbox:state': {
    running: true,
    problem: null,
    providers: [{ provider: 'webex', profileId: PROFILE_ID, scenario: 'normal', created: 0 }],
  },
  'sandbox:simulate': {
    running: true,
    problem: null,
    providers: [{ provider: 'webex', profileId: PROFILE_ID, scenario: 'down', created: 0 }],
  },
  'updates:status': { phase: 'off', reason: 'no_feed' },
  'updates:check': { phase: 'up_to_date', checkedAt: '2026-12-07T08:00:00.000Z' },
  'updates:restart': { phase: 'waiting_for_sends', version: '0.2.0', sending: 1 },
  'diagnostics:export': { path: '/home/ana/Downloads/callboard-diagnostics.json', bytes: 5120 },
  'signin:start': {
    profileId: PROFILE_ID,
    state: 'signing_in',
    methods: ['browser', 'device'],
    user: null,
    renews: false,
    expiresAt: null,
    device: null,
    problem: null,
  },
  'signin:cancel': {
    profileId: PROFILE_ID,
    state: 'signed_out',
    methods: ['browser', 'device'],
    user: null,
    renews: false,
    expiresAt: null,
    device: null,
    problem: { code: 'cancelled', message: msg('signInEnded.cancelled') },
  },
  'signin:signOut': {
    profileId: PROFILE_ID,
    state: 'signed_out',
    methods: ['browser', 'device'],
    user: null,
    renews: false,
    expiresAt: null,
    device: null,
    problem: null,
  },
  'signin:status': {
    profileId: PROFILE_ID,
    state: 'signed_in',
    methods: ['browser', 'device'],
    user: 'Ana Ruiz',
    renews: true,
    expiresAt: '2026-12-07T15:00:00.000Z',
    device: null,
    problem: null,
  },
  'policy:state': {
    source: '/etc/callboard/policy.json',
    problem: null,
    lockedSettings: ['defaultRegion'],
    managedProfiles: [PROFILE_ID],
    allowedProviders: ['webex'],
  },
  'proxy:state': { proxy: 'proxy.example.com:8080', signIns: [] },
  'proxy:setSignIn': {
    proxy: 'proxy.example.com:8080',
    signIns: [{ proxy: 'proxy.example.com:8080', username: 'agent-7', passwordStored: true }],
  },
  'proxy:clearSignIn': { proxy: null, signIns: [] },
} as const

/** A valid input per channel, for the happy path. */
const validInputs: Record<string, unknown> = {
  'settings:update': { theme: 'dark' },
  'profiles:save': { ...validOutputs['profiles:save'].profile, id: undefined },
  'profiles:remove': { profileId: PROFILE_ID },
  'profiles:test': { profileId: PROFILE_ID },
  'choices:list': { profileId: PROFILE_ID, kind: 'connect_contact_flows', refresh: true },
  'credentials:status': { profileId: PROFILE_ID },
  'credentials:set': { profileId: PROFILE_ID, secret: { provider: 'voice_broadcast', apiKey: 'k', apiSecret: 's' } },
  'credentials:clear': { profileId: PROFILE_ID },
  'proxy:setSignIn': { proxy: 'proxy.example.com:8080', username: 'agent-7', password: 'pw' },
  'proxy:clearSignIn': { proxy: 'proxy.example.com:8080' },
  'tasks:submit': {
    intent: {
      kind: 'outdial',
      profileId: PROFILE_ID,
      destination: '+14085550199',
      entryPointId: 'EP-1',
      origin: '+14085550100',
    },
  },
  'sandbox:simulate': { provider: 'webex', scenario: 'down' },
  'queue:retry': { taskId: PROFILE_ID },
  'queue:cancel': { taskId: PROFILE_ID },
  'queue:resolve': { taskId: PROFILE_ID, action: 'resend' },
  'queue:dismiss': { taskId: PROFILE_ID },
  'history:list': { search: 'ada' },
  'dial:confirm': { requestId: PROFILE_ID, index: 0 },
  'dial:cancel': { requestId: PROFILE_ID },
  'diagnostics:export': { includeNumbers: false },
  'signin:start': { profileId: PROFILE_ID, method: 'browser' },
  'signin:cancel': { profileId: PROFILE_ID },
  'signin:signOut': { profileId: PROFILE_ID },
  'signin:status': { profileId: PROFILE_ID },
}

const asMock = (fn: unknown) => fn as Mock

/** Spies standing in for the services; typed loosely so tests can make them misbehave. */
function spyHandlers(): Handlers & Record<string, Mock> {
  const spies = Object.fromEntries(invokeChannels.map((c) => [c, vi.fn(async () => validOutputs[c])]))
  return spies as unknown as Handlers & Record<string, Mock>
}

const quietLogger = () => {
  const lines: string[] = []
  return { lines, logger: createLogger((l) => lines.push(l), systemClock) }
}

describe('dispatch (S2)', () => {
  it('has a handler map that covers the contract exactly (compile-time), and answers every channel', async () => {
    const handlers = spyHandlers()
    const dispatch = createDispatch({ handlers, logger: quietLogger().logger, checkOutputs: true })
    expect(Object.keys(invokes).sort()).toEqual([...invokeChannels].sort())
    for (const channel of invokeChannels) {
      const input = validInputs[channel]
      expect(invokes[channel].input.safeParse(input).success, `valid input for ${channel}`).toBe(true)
      const result = await dispatch(channel, input)
      expect(result, channel).toEqual({ ok: true, value: validOutputs[channel] })
      expect(invokes[channel].output.safeParse((result as { value: unknown }).value).success).toBe(true)
    }
  })

  it('unknown channels get an unknown_channel envelope', async () => {
    const dispatch = createDispatch({ handlers: spyHandlers(), logger: quietLogger().logger, checkOutputs: true })
    for (const name of [
      '',
      'settings:delete',
      'SETTINGS:GET',
      '__proto__',
      'constructor',
      'toString',
      'settings:get ',
    ]) {
      expect(await dispatch(name, undefined), name).toMatchObject({
        ok: false,
        error: { code: 'unknown_channel', message: { key: 'failure.unknownChannel' } },
      })
    }
  })

  it.each(invokeChannels)(
    '%s: 1,000 random malformed inputs give invalid_input and never reach the service',
    async (channel) => {
      const handlers = spyHandlers()
      const { logger } = quietLogger()
      const dispatch = createDispatch({ handlers, logger, checkOutputs: true })
      const schema = invokes[channel].input
      const malformed = fc
        .oneof(
          fc.anything({ withBigInt: false, withMap: true, withSet: true, withDate: true, withTypedArray: true }),
          fc.record({ defaultRegion: fc.string(), uiLanguage: fc.string(), theme: fc.string() }, { requiredKeys: [] }),
          fc.dictionary(fc.string(), fc.jsonValue()),
        )
        .filter((value) => !schema.safeParse(value).success)
      let checked = 0
      await fc.assert(
        fc.asyncProperty(malformed, async (input) => {
          const result = await dispatch(channel, input)
          checked++
          expect(result.ok).toBe(false)
          if (!result.ok) {
            expect(result.error.code).toBe('invalid_input')
            expect(inEnglish(result.error.message).length).toBeGreaterThan(10)
            expect(Array.isArray(result.error.issues)).toBe(true)
          }
        }),
        { numRuns: 1000 },
      )
      expect(checked).toBe(1000)
      expect(handlers[channel]).not.toHaveBeenCalled()
    },
  )

  it('refuses oversized and unserializable inputs before parsing', async () => {
    const handlers = spyHandlers()
    const dispatch = createDispatch({ handlers, logger: quietLogger().logger, checkOutputs: true })
    const cyclic: Record<string, unknown> = {}
    cyclic['self'] = cyclic
    for (const input of [{ theme: 'x'.repeat(70_000) }, cyclic, { n: 10n }]) {
      expect(await dispatch('settings:update', input)).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    }
    expect(handlers['settings:update']).not.toHaveBeenCalled()
  })

  it('reports issue paths so the form can show them on the right field', async () => {
    const dispatch = createDispatch({ handlers: spyHandlers(), logger: quietLogger().logger, checkOutputs: true })
    const result = await dispatch('settings:update', { defaultRegion: 'ZZ', theme: 'neon' })
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.error.issues?.map((i) => i.path)).toEqual([['defaultRegion'], ['theme']])
  })

  const connectFollowUp = {
    kind: 'followUp',
    provider: 'connect',
    profileId: PROFILE_ID,
    name: 'Follow up',
    description: '',
    target: { kind: 'contactFlow', id: 'flow-1' },
  }
  const outdial = {
    kind: 'outdial',
    profileId: PROFILE_ID,
    destination: '+14085550199',
    entryPointId: 'EP-1',
    origin: '+14085550100',
  }
  it.each([
    ['Connect References', connectFollowUp, 'references', '{"case":{"Type":"STRING"},"__proto__":{"Type":"URL"}}'],
    ['Webex attributes', outdial, 'attributes', '{"a":"1","__proto__":"x"}'],
    ['Webex SIP headers', outdial, 'customAttributes', '{"x-a":"1","__proto__":"x"}'],
  ])(
    'refuses a __proto__ key in %s with a field error on that key (zod dropped it silently)',
    async (_, base, field, json) => {
      // JSON.parse makes __proto__ an own key, as the renderer's structured clone delivers it.
      const record: object = JSON.parse(json)
      expect(Object.hasOwn(record, '__proto__')).toBe(true)
      const handlers = spyHandlers()
      const dispatch = createDispatch({ handlers, logger: quietLogger().logger, checkOutputs: true })
      const result = await dispatch('tasks:submit', { intent: { ...base, [field]: record } })
      expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
      if (result.ok) return
      expect(inEnglish(result.error.issues)).toContainEqual({
        path: ['intent', field, '__proto__'],
        message: expect.stringContaining('__proto__'),
      })
      expect(handlers['tasks:submit']).not.toHaveBeenCalled()
    },
  )

  it('turns service errors into envelopes: AppError keeps its code, a crash becomes internal and is logged', async () => {
    const handlers = spyHandlers()
    asMock(handlers['settings:update']).mockRejectedValueOnce(new AppError('settings_unwritable', said('Cannot save.')))
    asMock(handlers['settings:get']).mockRejectedValueOnce(new TypeError('boom'))
    const { lines, logger } = quietLogger()
    const dispatch = createDispatch({ handlers, logger, checkOutputs: true })
    expect(await dispatch('settings:update', { theme: 'dark' })).toEqual({
      ok: false,
      error: { code: 'settings_unwritable', message: said('Cannot save.') },
    })
    const crashed = await dispatch('settings:get', undefined)
    // What the window shows is a key with the channel, in the agent's language.
    expect(crashed).toMatchObject({
      ok: false,
      error: { code: 'internal', message: { key: 'failure.unexpected', params: { channel: 'settings:get' } } },
    })
    expect(JSON.stringify(crashed)).not.toContain('boom')
    expect(lines.some((l) => l.includes('handler crashed') && l.includes('boom'))).toBe(true)
  })

  it('catches output drift when checking outputs', async () => {
    const handlers = spyHandlers()
    asMock(handlers['app:info']).mockResolvedValue({ name: 'Callboard', secretToken: 'x' })
    const checking = createDispatch({ handlers, logger: quietLogger().logger, checkOutputs: true })
    expect(await checking('app:info', undefined)).toMatchObject({ ok: false, error: { code: 'internal' } })
    const trusting = createDispatch({ handlers, logger: quietLogger().logger, checkOutputs: false })
    expect(await trusting('app:info', undefined)).toMatchObject({ ok: true })
  })
})
