import type { SecretField } from './provider-module'

/** One field of the credentials form; its label and help are i18n keys named after it. */
export const secretField = (name: string, secret: boolean, extra: Partial<SecretField> = {}): SecretField => ({
  name,
  label: `credentials.fields.${name}`,
  secret,
  ...extra,
})
