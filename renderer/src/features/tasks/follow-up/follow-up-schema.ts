import { z } from 'zod'
import { followUpFormIntent } from '@shared/providers/task-forms'
import { allRefusals } from '../../../forms/all-refusals'
import { toFollowUpIntent, type FollowUpProfile, type FollowUpValues } from './follow-up-intent'

// The schema the follow-up form validates with: main's FollowUpIntent, applied to the intent the
// form's values stand for, then the rules main applies at submit on the provider's clock
// (toWireRequest: the due date in the future, the subtype and target from the profile, an
// assignee when the profile acts as an application, …) judged now, as the agent types.
// On top of main's rules, the rules each provider's follow-up form adds (followUpFormIntent: for
// Connect, each reference's value checked against its type).

type Translate = (key: string) => string

export function followUpFormSchema(options: {
  profiles: () => readonly FollowUpProfile[]
  t: Translate
  now?: () => Date
}) {
  const now = options.now ?? (() => new Date())
  const intent = followUpFormIntent(options.t)
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
