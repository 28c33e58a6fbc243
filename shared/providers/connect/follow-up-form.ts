import type { FollowUpFormFields, FormFields } from '../provider-module'
import { connectTargets, firstConnectTarget } from './form'
import type { ConnectFlowTarget, ConnectIntent } from './intents'
import type { ConnectProfile } from './profile'
import type { ConnectReferences } from './wire'
import type { z } from 'zod'

// Amazon Connect's own fields in the follow-up form: the task's name and description, the flow,
// quick connect or template that starts it, its references and the contact it follows.

/** Connect's fields as the form holds them. */
export interface ConnectFollowUpValues {
  name: string
  description: string
  target: { kind: ConnectFlowTarget['kind']; id: string }
  references: z.input<typeof ConnectReferences> | undefined
  previousContactId: string
  /** '' (now) or an ISO date and time with its offset: when the task starts. */
  scheduledTime: string
}

const blank = (value: string | undefined) => value === undefined || value.trim() === ''

export const connectFollowUpForm: FollowUpFormFields<ConnectProfile, ConnectIntent> = {
  defaults: (profile) =>
    ({
      name: '',
      description: '',
      target: firstConnectTarget(profile),
      references: undefined,
      previousContactId: '',
      scheduledTime: '',
    }) satisfies ConnectFollowUpValues,
  intent: (values) => {
    const v: Partial<ConnectFollowUpValues> = values
    return {
      name: v.name ?? '',
      ...(!blank(v.description) && { description: v.description }),
      target: v.target ?? { kind: 'contactFlow', id: '' },
      ...(v.references !== undefined && { references: v.references }),
      ...(!blank(v.previousContactId) && { previousContactId: v.previousContactId?.trim() }),
      ...(!blank(v.scheduledTime) && { scheduledTime: v.scheduledTime }),
    }
  },
  kept: (from) => ({ target: from.target }),
  fit: (values, profile): FormFields => {
    const { kind, id } = (values.target ?? {}) as Partial<ConnectFlowTarget>
    return kind !== undefined && connectTargets(profile, kind).some((x) => x.id === id)
      ? {}
      : { target: firstConnectTarget(profile) }
  },
  quickEntry: {
    needsContact: false,
    // A task needs no customer record: the name and the time said go into its description.
    read: ({ subject, customer, due, dueWord }) => {
      const dueText = due ? `${dueWord} ${due.slice(0, 16).replace('T', ' ')}` : ''
      return {
        values: { name: subject, description: [customer, dueText].filter(Boolean).join(' · ') },
        problems: [],
      }
    },
  },
}
