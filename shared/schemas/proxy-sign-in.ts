import { z } from 'zod'
import { issueText } from '../i18n/issue-message'

/** A proxy as `host:port` (the one form the OS, a PAC file and the policy all reduce to). */
export const ProxyAddress = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^(\[[0-9a-f:.]+\]|[a-z0-9]([a-z0-9.-]{0,251}[a-z0-9])?):\d{1,5}$/, {
    error: issueText('schema.proxySignIn.enterProxyHostPort'),
  })
export type ProxyAddress = z.infer<typeof ProxyAddress>

/** The user name and password the proxy asks for (Basic authentication). Write-only. */
export const SetProxySignIn = z
  .object({
    proxy: ProxyAddress,
    username: z
      .string()
      .trim()
      .min(1, { error: issueText('schema.proxySignIn.enterUserNameProxy') })
      .max(256)
      // Basic authentication joins the two with a colon: one in the name would split it wrongly.
      .refine((name) => !name.includes(':'), { error: issueText('schema.proxySignIn.proxyUserNameCannot') }),
    password: z
      .string()
      .min(1, { error: issueText('schema.proxySignIn.enterPasswordProxyAsks') })
      .max(1024),
  })
  .strict()
export type SetProxySignIn = z.infer<typeof SetProxySignIn>

export const ProxyRef = z.object({ proxy: ProxyAddress }).strict()
export type ProxyRef = z.infer<typeof ProxyRef>

/** One proxy's stored sign-in, as the window sees it: never the password. */
export const ProxySignIn = z.object({ proxy: ProxyAddress, username: z.string(), passwordStored: z.boolean() }).strict()
export type ProxySignIn = z.infer<typeof ProxySignIn>

export const ProxySignInState = z
  .object({
    /** The proxy Callboard's requests last went through (null: none so far, or straight out). */
    proxy: ProxyAddress.nullable(),
    signIns: z.array(ProxySignIn),
  })
  .strict()
export type ProxySignInState = z.infer<typeof ProxySignInState>
