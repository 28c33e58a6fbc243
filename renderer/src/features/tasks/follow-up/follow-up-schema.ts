import { z } from 'zod'
import { ConnectFollowUpIntent, EgainFollowUpIntent } from '@shared/schemas/intents'
import { ConnectReferences } from '@shared/providers/connect/wire'
import { allRefusals } from '../../../forms/all-refusals'
import { toFollowUpIntent, type FollowUpProfile, type FollowUpValues } from './follow-up-intent'

// The schema the follow-up form validates with: main's FollowUpIntent, applied to the intent the
// form's values stand for, then the rules main applies at submit on the provider's clock
// (toWireRequest: the due date in the future, the subtype and target from the profile, an
// assignee when the profile acts as an application, …) judged now, as the agent types.
//
// On top of main's rules, reference values are checked against their type (the wire schema only
// checks DATE): a URL is a web address, a NUMBER a number, an EMAIL an email address.

type Translate = (key: string) => string

const NUMBER = /^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/
const Email = z.email()

const isWebUrl = (value: string) => {
  try {
    const url = new URL(value)
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname !== ''
  } catch {
    return false
  }
}

/** Connect's References rules, plus a check of each value against its type. */
export function formReferences(t: Translate) {
  return ConnectReferences.superRefine((references, ctx) => {
    for (const [name, reference] of Object.entries(references)) {
      const value = (reference.Value ?? '').trim()
      const bad =
        reference.Type === 'URL'
          ? !isWebUrl(value) && 'badUrl'
          : reference.Type === 'NUMBER'
            ? !NUMBER.test(value) && 'badNumber'
            : reference.Type === 'EMAIL'
              ? !Email.safeParse(value).success && 'badEmail'
              : false
      if (bad) ctx.addIssue({ code: 'custom', path: [name, 'Value'], message: t(`tasks.followUp.references.${bad}`) })
    }
  })
}

export function followUpFormSchema(options: {
  profiles: () => readonly FollowUpProfile[]
  t: Translate
  now?: () => Date
}) {
  const now = options.now ?? (() => new Date())
  const intent = z.discriminatedUnion('provider', [
    EgainFollowUpIntent,
    ConnectFollowUpIntent.extend({ references: formReferences(options.t).optional() }),
  ])
  // Every problem at once: the schema's and the provider rules' (allRefusals), not the first of each.
  return z
    .custom<FollowUpValues>()
    .superRefine((values, ctx) => {
      const candidate = toFollowUpIntent(values, options.profiles())
      const profileId = (candidate as { profileId?: unknown } | null)?.profileId
      const profile = options.profiles().find((p) => p.id === profileId)
      for (const refusal of allRefusals(intent, candidate, profile, now())) {
        ctx.addIssue({ code: 'custom', path: refusal.path, message: refusal.message })
      }
    })
    .transform((values) => intent.parse(toFollowUpIntent(values, options.profiles())))
}
