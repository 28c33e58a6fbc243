import { describe, expect, it, vi } from 'vitest'
import type { CallbackFormFields, FormFields } from '@shared/providers/provider-module'
import type { Profile } from '@shared/providers/registry'
import { callbackDefaults, callbackFit, callbackIntentFields, callbackKept } from '@shared/providers/task-forms'

// The callback form's provider fields come from the registry: a sixth provider registered there
// (a fake one, added to the registry's list for this test only) is offered with its own fields,
// and no form or quick-entry code has to name it.

const { pigeon } = vi.hoisted(() => {
  const pigeonForm: CallbackFormFields<{ provider: string; id: string; lofts: string[] }, never> = {
    defaults: (profile) => ({ loft: profile?.lofts[0] ?? '' }),
    intent: (values, later) => (later ? { loft: values.loft, fly: 'later' } : { loft: values.loft }),
    kept: (from: FormFields) => ({ loft: from.loft }),
    fit: (values, profile) => (profile.lofts.includes(String(values.loft)) ? {} : { loft: profile.lofts[0] }),
  }
  return {
    pigeon: {
      name: 'pigeon',
      tasks: ['callback'],
      callbackForm: pigeonForm,
      ownsProfile: (profile: { provider: string }) => profile.provider === 'pigeon',
    },
  }
})

vi.mock('@shared/providers/registry', async (importOriginal) => {
  const real = await importOriginal<typeof import('@shared/providers/registry')>()
  const providerList = [...real.providerList, pigeon]
  return {
    ...real,
    providerList,
    sharedProvider: (name: string) => providerList.find((p) => p.name === name),
  }
})

/** The fake's profile is outside the registry's Profile type, which lists the real providers only. */
const pigeonProfile = { provider: 'pigeon', id: 'p1', label: 'Lofts', lofts: ['north', 'south'] } as object as Profile

describe('callback form fields, through the registry', () => {
  it("starts with a sixth provider's own fields beside the others', from its profile", () => {
    const values = callbackDefaults(pigeonProfile)
    expect(values).toMatchObject({ loft: 'north', entryPointId: '', target: { kind: 'contactFlow', id: '' } })
  })

  it("builds the sixth provider's intent fields, keeps and fits them, by its name alone", () => {
    const values = { provider: 'pigeon', loft: 'south', entryPointId: 'ep-1', target: { kind: 'contactFlow', id: 'f' } }
    expect(callbackIntentFields('pigeon', values, false)).toEqual({ loft: 'south' })
    expect(callbackIntentFields('pigeon', values, true)).toEqual({ loft: 'south', fly: 'later' })
    expect(callbackKept(values, pigeonProfile)).toEqual({ loft: 'south' })
    expect(callbackFit({ loft: 'east' }, pigeonProfile)).toEqual({ loft: 'north' })
    expect(callbackFit({ loft: 'south' }, pigeonProfile)).toEqual({})
  })

  it("leaves a provider's own fields out of another provider's intent", () => {
    const values = { loft: 'south', entryPointId: 'ep-1', windowMinutes: 60, target: { kind: 'quickConnect', id: 'q' } }
    expect(callbackIntentFields('webex', values, false)).toEqual({ entryPointId: 'ep-1' })
    expect(callbackIntentFields('webex', values, true)).toEqual({ windowMinutes: 60 })
    expect(callbackIntentFields('connect', values, true)).toEqual({ target: { kind: 'quickConnect', id: 'q' } })
  })
})
