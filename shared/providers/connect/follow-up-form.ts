import { z } from 'zod'
import type { FollowUpFormFields, FormFields, Translate } from '../provider-module'
import { connectTargets, firstConnectTarget } from './form'
import { ConnectFollowUpIntent, type ConnectFlowTarget, type ConnectIntent } from './intents'
import type { ConnectProfile } from './profile'
import { ConnectReferences } from './wire'

// Amazon Connect's own fields in the follow-up form: the task's name and description, the flow,
// quick connect or template that starts it, its references and the contact it follows.

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

/**
 * Connect's References rules, plus a check of each value against its type, which the form makes
 * and main does not (the wire schema checks DATE only): a URL is a web address, a NUMBER a number,
 * an EMAIL an email address. `t` gives the renderer's messages.
 */
export function connectFormReferences(t: Translate) {
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
  formIntent: (t) => ConnectFollowUpIntent.extend({ references: connectFormReferences(t).optional() }),
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
