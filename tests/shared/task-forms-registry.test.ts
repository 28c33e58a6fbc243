import { describe, expect, it, vi } from 'vitest'
import type { CallbackFormFields, FollowUpFormFields, FormFields } from '@shared/providers/provider-module'
import { Profile } from '@shared/providers/registry'
import {
  callbackDefaults,
  callbackFit,
  callbackIntentFields,
  callbackKept,
  followUpDefaults,
  followUpFit,
  followUpIntentFields,
  followUpKept,
  quickFollowUp,
  quickFollowUpProfile,
  followUpFormIntent,
} from '@shared/providers/task-forms'
import { ChoiceKind } from '@shared/schemas/choices'
import { CallbackIntent, FollowUpIntent, NewTaskIntent, TaskIntent } from '@shared/schemas/intents'
import { drafts } from './fixtures'

// The callback and follow-up forms' provider fields come from the registry: a sixth provider
// registered there (a fake one, added to the registry's list for this test only) is offered with
// its own fields, and no form or quick-entry code has to name it.

const { pigeon } = await vi.hoisted(async () => {
  const { z } = await import('zod')
  // Its intents: a callback to a loft and a follow-up note, each naming the provider.
  const base = { profileId: z.string(), provider: z.literal('pigeon') }
  const PigeonCallback = z.object({ ...base, kind: z.literal('callback'), loft: z.string() }).strict()
  const PigeonFollowUp = z.object({ ...base, kind: z.literal('followUp'), note: z.string().min(1) }).strict()

  const pigeonForm: CallbackFormFields<{ provider: string; id: string; lofts: string[] }, never> = {
    defaults: (profile) => ({ loft: profile?.lofts[0] ?? '' }),
    intent: (values, later) => (later ? { loft: values.loft, fly: 'later' } : { loft: values.loft }),
    kept: (from: FormFields) => ({ loft: from.loft }),
    fit: (values, profile) => (profile.lofts.includes(String(values.loft)) ? {} : { loft: profile.lofts[0] }),
  }
  type PigeonFollowUp = { kind: 'followUp'; provider: 'pigeon'; profileId: string; note: string }
  type Loft = { provider: string; id: string; lofts: string[]; ring: string }
  const pigeonFollowUp: FollowUpFormFields<Loft, PigeonFollowUp> = {
    defaults: (profile) => ({ note: '', ring: profile?.ring ?? '' }),
    intent: (values) => ({ note: values.note, ring: values.ring }),
    kept: (from: FormFields) => ({ ring: from.ring }),
    // A ring typed by the agent stays; the previous profile's own follows the profile.
    fit: (values, profile, previous) => (values.ring === (previous?.ring ?? '') ? { ring: profile.ring } : {}),
    // The form holds a note to a pigeon's load: what main takes, in at most 12 characters.
    formIntent: () => PigeonFollowUp.extend({ note: z.string().min(1).max(12) }),
    quickEntry: {
      needsContact: false,
      read: (line) => ({ values: { note: `${line.customer}: ${line.subject}` }, problems: [] }),
    },
  }
  return {
    pigeon: {
      name: 'pigeon',
      choiceKinds: ['pigeon_lofts'],
      tasks: ['callback', 'followUp'],
      intents: [
        // A new callback's loft must be one the pigeon knows its way to.
        { kind: 'callback', intent: PigeonCallback, new: PigeonCallback.extend({ loft: z.enum(['north', 'south']) }) },
        { kind: 'followUp', intent: PigeonFollowUp, new: PigeonFollowUp },
      ],
      callbackForm: pigeonForm,
      followUpForm: pigeonFollowUp,
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
const pigeonProfile = {
  provider: 'pigeon',
  id: 'p1',
  label: 'Lofts',
  lofts: ['north', 'south'],
  ring: 'R-1',
} as object as Profile
const otherPigeon = { ...pigeonProfile, id: 'p2', ring: 'R-2' } as object as Profile
const egain = Profile.parse({ ...drafts.egain, id: '22222222-2222-4222-8222-222222222222', defaultDepartment: 'Sales' })

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

describe('follow-up form fields, through the registry', () => {
  it("starts with a sixth provider's own fields beside the others', each from its provider's profile", () => {
    const values = followUpDefaults([egain, pigeonProfile], pigeonProfile)
    expect(values).toMatchObject({ ring: 'R-1', note: '', department: 'Sales', target: { kind: 'contactFlow' } })
    expect(followUpDefaults([egain, otherPigeon, pigeonProfile], egain)).toMatchObject({ ring: 'R-2' })
  })

  it("builds the sixth provider's intent, keeps its fields and fits them to another profile", () => {
    const values = { ring: 'R-1', note: 'seed', department: 'Sales', name: 'Connect task' }
    expect(followUpIntentFields(pigeonProfile, values)).toEqual({ provider: 'pigeon', note: 'seed', ring: 'R-1' })
    expect(followUpKept({ provider: 'pigeon', profileId: 'p1', note: 'seed', ring: 'R-1' })).toEqual({ ring: 'R-1' })
    expect(followUpFit({ ring: 'R-1' }, otherPigeon, pigeonProfile)).toEqual({ ring: 'R-2' })
    expect(followUpFit({ ring: 'typed' }, otherPigeon, pigeonProfile)).toEqual({})
    // The previous profile was another provider's: its values are not the sixth provider's to replace.
    expect(followUpFit({ ring: 'typed' }, otherPigeon, egain)).toEqual({})
  })

  it("leaves the sixth provider's fields out of another provider's intent", () => {
    const values = { ring: 'R-1', note: 'seed', name: 'Connect task', target: { kind: 'contactFlow', id: 'f' } }
    const connect = Profile.parse({ ...drafts.connect, id: '33333333-3333-4333-8333-333333333333' })
    expect(followUpIntentFields(connect, values)).toEqual({
      provider: 'connect',
      name: 'Connect task',
      target: { kind: 'contactFlow', id: 'f' },
    })
  })

  it("reads a quick-entry follow-up line into the sixth provider's fields, and picks it for a name alone", () => {
    const line = {
      subject: 'new seed',
      customer: 'Ana',
      email: null,
      number: null,
      due: '',
      assignee: null,
      dueWord: 'Due',
    }
    expect(quickFollowUp(pigeonProfile, line)).toEqual({ values: { note: 'Ana: new seed' }, problems: [] })
    expect(quickFollowUpProfile([egain, pigeonProfile], false)).toBe(pigeonProfile)
    expect(quickFollowUpProfile([egain, pigeonProfile], true)).toBe(egain)
  })
})

describe('task intents, through the registry', () => {
  const callback = { kind: 'callback', provider: 'pigeon', profileId: 'p1', loft: 'east' }
  const followUp = { kind: 'followUp', provider: 'pigeon', profileId: 'p1', note: 'seed' }

  it("takes a sixth provider's callbacks and follow-ups, by the schemas its module states", () => {
    expect(CallbackIntent.parse(callback)).toEqual(callback)
    expect(FollowUpIntent.parse(followUp)).toEqual(followUp)
    expect(TaskIntent.parse(followUp)).toEqual(followUp)
    expect(FollowUpIntent.safeParse({ ...followUp, note: '' }).success).toBe(false)
    expect(TaskIntent.safeParse({ ...callback, loft: 3 }).success).toBe(false)
  })

  it("checks a sixth provider's new task with its own rules for one being queued now", () => {
    expect(TaskIntent.safeParse(callback).success).toBe(true)
    expect(NewTaskIntent.safeParse(callback).success).toBe(false)
    expect(NewTaskIntent.parse({ ...callback, loft: 'north' })).toEqual({ ...callback, loft: 'north' })
    expect(NewTaskIntent.parse(followUp)).toEqual(followUp)
  })
})

describe('choice kinds, through the registry', () => {
  it("lists a sixth provider's choice kinds beside the others', as its module states them", () => {
    expect(ChoiceKind.parse('pigeon_lofts')).toBe('pigeon_lofts')
    expect(ChoiceKind.options).toEqual([
      'webex_entry_points',
      'webex_outdial_anis',
      'connect_contact_flows',
      'connect_quick_connects',
      'connect_task_templates',
      'pigeon_lofts',
    ])
  })
})

describe('the follow-up form intent, through the registry', () => {
  const t = (key: string) => key
  const followUp = { kind: 'followUp', provider: 'pigeon', profileId: 'p1', note: 'seed' }

  it("checks a sixth provider's follow-up with the rules its form adds", () => {
    const intent = followUpFormIntent(t)
    expect(intent.parse(followUp)).toEqual(followUp)
    expect(intent.safeParse({ ...followUp, note: 'a note too long to carry' }).success).toBe(false)
    expect(FollowUpIntent.safeParse({ ...followUp, note: 'a note too long to carry' }).success).toBe(true)
  })

  it("checks the other providers' follow-ups as before: Connect's references by their type", () => {
    const connect = {
      kind: 'followUp',
      provider: 'connect',
      profileId: '33333333-3333-4333-8333-333333333333',
      name: 'Call back',
      target: { kind: 'contactFlow', id: 'f' },
      references: { site: { Type: 'URL', Value: 'not a web address' } },
    }
    expect(FollowUpIntent.safeParse(connect).success).toBe(true)
    expect(followUpFormIntent(t).safeParse(connect).error?.issues).toMatchObject([
      { path: ['references', 'site', 'Value'], message: 'tasks.followUp.references.badUrl' },
    ])
  })
})
