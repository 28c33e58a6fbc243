import { z } from 'zod'
import { issueText, noun, type SchemaNoun } from '../i18n/issue-message'

// Field schemas every provider's profile and every intent build on. Kept apart from the provider
// registry so a provider's own schemas can use them without importing the registry.

export const ProfileId = z.uuid({ error: issueText('schema.fields.notProfileId') })

export const Label = z
  .string()
  .trim()
  .min(1, { error: issueText('schema.fields.giveName') })
  .max(60, { error: issueText('schema.text.atMostChars', { max: 60 }) })

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]'])

/** https, or plain http to this machine only (a local simulator). No credentials in the URL. */
export const ServiceUrl = z
  .string()
  .trim()
  .max(500, { error: issueText('schema.text.atMostChars', { max: 500 }) })
  .superRefine((value, ctx) => {
    let url: URL
    try {
      url = new URL(value)
    } catch {
      ctx.addIssue({ code: 'custom', message: issueText('schema.fields.enterFullUrlHttps') })
      return
    }
    if (url.protocol !== 'https:' && !(url.protocol === 'http:' && LOOPBACK.has(url.hostname))) {
      ctx.addIssue({
        code: 'custom',
        message: issueText('schema.fields.useHttpsAddressPlain'),
      })
    }
    if (url.username || url.password) {
      ctx.addIssue({ code: 'custom', message: issueText('schema.fields.doNotPutUser') })
    }
    if (url.search || url.hash)
      ctx.addIssue({ code: 'custom', message: issueText('schema.fields.leaveOutQueryFragment') })
  })

/** A free-text field the agent may leave empty (forms always hand over strings). */
export const OptionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: issueText('schema.text.atMostChars', { max: max }) })

export const RequiredText = (max: number, what: SchemaNoun) =>
  z
    .string()
    .trim()
    .min(1, { error: issueText('schema.text.enter', { what: noun(what) }) })
    .max(max, { error: issueText('schema.text.atMostChars', { max: max }) })

/** A secret as pasted: never trimmed (a space may be part of it), but a leading or trailing one is questioned. */
export const SecretText = (max: number, what: SchemaNoun) =>
  z
    .string()
    .min(1, { error: issueText('schema.text.enter', { what: noun(what) }) })
    .max(max, { error: issueText('schema.text.atMostChars', { max: max }) })
    .refine((v) => v.trim() === v, { error: issueText('schema.text.spaceAtEdge', { what: noun(what) }) })
