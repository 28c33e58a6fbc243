import { z } from 'zod'
import { issueText } from '../../i18n/issue-message'
import { ProfileId } from '../../schemas/fields'
import { IsoInstant, Text } from '../../schemas/intent-fields'
import { maxChars } from '../../text'
import { EgainPriority, EgainSearchContactOnAttribute, EgainSubject } from './wire'

// What an agent asks eGain for: a follow-up task activity on a customer found by one attribute.

export const EgainAssignee = z
  .object({ by: z.enum(['id', 'loginId', 'externalId']), value: Text(255, 'userToAssign') })
  .strict()

export const EgainFollowUpIntent = z
  .object({
    kind: z.literal('followUp'),
    provider: z.literal('egain'),
    profileId: ProfileId,
    /** Empty: the profile's default department. */
    department: z
      .string()
      .trim()
      .check(...maxChars(255, issueText('schema.text.atMostChars', { max: 255 }))),
    subtype: Text(255, 'taskSubtype'),
    subject: EgainSubject,
    content: z
      .string()
      .trim()
      .check(...maxChars(100_000, issueText('schema.text.atMostChars', { max: 100000 })))
      .optional(),
    dueDate: IsoInstant.optional(),
    priority: EgainPriority.optional(),
    lookup: z.object({ attribute: EgainSearchContactOnAttribute, value: Text(255, 'customerLookupValue') }).strict(),
    createCustomer: z.boolean(),
    assignee: EgainAssignee.optional(),
  })
  .strict()
export type EgainFollowUpIntent = z.infer<typeof EgainFollowUpIntent>
