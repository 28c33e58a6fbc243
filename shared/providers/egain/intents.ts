import { z } from 'zod'
import { ProfileId } from '../../schemas/fields'
import { IsoInstant, Text } from '../../schemas/intent-fields'
import { maxChars } from '../../text'
import { EgainPriority, EgainSearchContactOnAttribute, EgainSubject } from './wire'

// What an agent asks eGain for: a follow-up task activity on a customer found by one attribute.

export const EgainAssignee = z
  .object({ by: z.enum(['id', 'loginId', 'externalId']), value: Text(255, 'user to assign') })
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
      .check(...maxChars(255, 'At most 255 characters.')),
    subtype: Text(255, 'task subtype'),
    subject: EgainSubject,
    content: z
      .string()
      .trim()
      .check(...maxChars(100_000, 'At most 100000 characters.'))
      .optional(),
    dueDate: IsoInstant.optional(),
    priority: EgainPriority.optional(),
    lookup: z.object({ attribute: EgainSearchContactOnAttribute, value: Text(255, 'customer lookup value') }).strict(),
    createCustomer: z.boolean(),
    assignee: EgainAssignee.optional(),
  })
  .strict()
export type EgainFollowUpIntent = z.infer<typeof EgainFollowUpIntent>
