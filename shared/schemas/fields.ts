import { z } from 'zod'

// Field schemas every provider's profile and every intent build on. Kept apart from the provider
// registry so a provider's own schemas can use them without importing the registry.

export const ProfileId = z.uuid({ error: 'Not a profile id.' })

export const Label = z.string().trim().min(1, { error: 'Give it a name.' }).max(60, { error: 'At most 60 characters.' })

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]'])

/** https, or plain http to this machine only (a local simulator). No credentials in the URL. */
export const ServiceUrl = z
  .string()
  .trim()
  .max(500, { error: 'At most 500 characters.' })
  .superRefine((value, ctx) => {
    let url: URL
    try {
      url = new URL(value)
    } catch {
      ctx.addIssue({ code: 'custom', message: 'Enter a full URL, such as https://api.example.com.' })
      return
    }
    if (url.protocol !== 'https:' && !(url.protocol === 'http:' && LOOPBACK.has(url.hostname))) {
      ctx.addIssue({
        code: 'custom',
        message: 'Use an https:// address (plain http is allowed only for this computer).',
      })
    }
    if (url.username || url.password) {
      ctx.addIssue({ code: 'custom', message: 'Do not put a user name or password in the URL; use the secret fields.' })
    }
    if (url.search || url.hash) ctx.addIssue({ code: 'custom', message: 'Leave out ?query and #fragment.' })
  })

/** A free-text field the agent may leave empty (forms always hand over strings). */
export const OptionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: `At most ${max} characters.` })

export const RequiredText = (max: number, what: string) =>
  z
    .string()
    .trim()
    .min(1, { error: `Enter the ${what}.` })
    .max(max, { error: `At most ${max} characters.` })

/** A secret as pasted: never trimmed (a space may be part of it), but a leading or trailing one is questioned. */
export const SecretText = (max: number, what: string) =>
  z
    .string()
    .min(1, { error: `Enter the ${what}.` })
    .max(max, { error: `At most ${max} characters.` })
    .refine((v) => v.trim() === v, { error: `The ${what} starts or ends with a space; check the paste.` })
