import { z } from 'zod'
import { Message } from '../i18n/message'
import { ProfileId } from './providers'
import { ConfirmedRepeat } from './repeat'

// The global-shortcut and tel:-link outdial: what the confirm window shows and what it answers.

export const DialCandidate = z
  .object({
    e164: z.string(),
    national: z.string(),
    international: z.string(),
    /** Shown to the agent to key in once connected; never dialled. */
    extension: z.string().optional(),
    source: z.enum(['tel_uri', 'callto_uri', 'text']),
  })
  .strict()
export type DialCandidate = z.infer<typeof DialCandidate>

export const DialRequest = z
  .object({
    id: z.uuid(),
    at: z.iso.datetime(),
    /** Where it came from: the shortcut (clipboard or selection) or a tel:/callto: link. */
    origin: z.enum(['clipboard', 'selection', 'link']),
    candidates: z.array(DialCandidate).min(1),
    /** The Webex profile it will go out on (the default outdial profile, else the first). */
    profile: z.object({ id: ProfileId, label: z.string() }).strict(),
    /** The caller id the customer sees (the profile's first outdial ANI). */
    callerId: z.object({ number: z.string(), label: z.string() }).strict(),
    entryPoint: z.object({ id: z.string(), label: z.string() }).strict(),
  })
  .strict()
export type DialRequest = z.infer<typeof DialRequest>

export const DialChoice = z
  .object({
    requestId: z.uuid(),
    index: z.int().min(0).max(99),
    /** The agent was asked about the same outdial queued a moment ago and said to dial it again. */
    confirmedRepeat: ConfirmedRepeat,
  })
  .strict()
export const DialRef = z.object({ requestId: z.uuid() }).strict()

/** What the desktop integration managed to set up, for Settings to show. */
export const DesktopStatus = z
  .object({
    /** False in the browser harness, which has no global shortcut, tray or link handler. */
    available: z.boolean(),
    shortcut: z
      .object({
        accelerator: z.string(),
        registered: z.boolean(),
        /** Why it is not registered, as a message for the agent; null when it is. */
        problem: Message.nullable(),
      })
      .strict(),
    tray: z.boolean(),
    /** Whether Callboard is the handler of tel: and callto: links on this system. */
    links: z.object({ tel: z.boolean(), callto: z.boolean() }).strict(),
  })
  .strict()
export type DesktopStatus = z.infer<typeof DesktopStatus>
