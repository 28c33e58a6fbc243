import { describe, expect, it } from 'vitest'
import { invokes } from '../../shared/ipc/contract'
import { msg } from '../../shared/i18n/message'
import { CHOICES_MAX } from '../../shared/schemas/choices'

// `choices:list`: what the window may ask and what main may answer.

const PROFILE = '6f1c2a8e-4b7d-4c1e-9a3f-2d5b8e7c1a90'
const { input, output } = invokes['choices:list']

describe('choices:list input', () => {
  it.each([
    [{ profileId: PROFILE, kind: 'webex_entry_points' }],
    [{ profileId: PROFILE, kind: 'webex_outdial_anis', refresh: false }],
    [{ profileId: PROFILE, kind: 'connect_contact_flows', refresh: true }],
    [{ profileId: PROFILE, kind: 'connect_quick_connects' }],
    [{ profileId: PROFILE, kind: 'connect_task_templates' }],
  ])('accepts %j', (query) => expect(input.safeParse(query).success).toBe(true))

  it.each([
    ['no profile', { kind: 'webex_entry_points' }],
    ['a profile id that is not one', { profileId: '../../etc/passwd', kind: 'webex_entry_points' }],
    ['a kind no provider lists', { profileId: PROFILE, kind: 'egain_departments' }],
    ['refresh as text', { profileId: PROFILE, kind: 'webex_entry_points', refresh: 'yes' }],
    ['an unknown key', { profileId: PROFILE, kind: 'webex_entry_points', page: 2 }],
    ['nothing', undefined],
  ])('refuses %s', (_what, query) => expect(input.safeParse(query).success).toBe(false))
})

describe('choices:list output', () => {
  const list = {
    profileId: PROFILE,
    kind: 'connect_contact_flows',
    choices: [{ value: 'flow-1', name: 'Tasks', detail: 'ACTIVE' }],
    fetchedAt: '2026-12-07T10:00:00.000Z',
    truncated: false,
    problem: null,
  }

  it('accepts a list, a never-fetched one, and a cached one with the reason a refresh failed', () => {
    expect(output.safeParse(list).success).toBe(true)
    expect(output.safeParse({ ...list, choices: [], fetchedAt: null }).success).toBe(true)
    expect(
      output.safeParse({ ...list, problem: { kind: 'offline', message: msg('choiceFetch.connectUnreachable') } })
        .success,
    ).toBe(true)
  })

  it.each([
    ['an empty id', { ...list, choices: [{ value: '', name: 'x' }] }],
    ['a time that is not ISO 8601', { ...list, fetchedAt: 'yesterday' }],
    ['an unknown problem', { ...list, problem: { kind: 'gremlins', message: '' } }],
    [
      'too many choices',
      { ...list, choices: Array.from({ length: CHOICES_MAX + 1 }, (_, i) => ({ value: `c${i}`, name: '' })) },
    ],
    ['an extra key on a choice', { ...list, choices: [{ value: 'a', name: 'b', secret: 'x' }] }],
  ])('refuses %s', (_what, answer) => expect(output.safeParse(answer).success).toBe(false))
})
