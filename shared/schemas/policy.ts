import { z } from 'zod'
import { Profile } from './profiles'
import { ProfileId, ProviderName } from './providers'
import { SettingsValues } from './settings'
import { issueText } from '../i18n/issue-message'
import { Message } from '../i18n/message'

export const POLICY_VERSION = 1

/** The settings IT may fix for every agent; each one set in a policy is locked at its value. */
export const ManagedSettings = SettingsValues.pick({
  defaultRegion: true,
  uiLanguage: true,
  theme: true,
  dialShortcut: true,
  dialFromSelection: true,
  autoDial: true,
  closeToTray: true,
  startAtLogin: true,
  // The built-in sandbox: an organization that does not want simulated profiles beside its own.
  sandbox: true,
})
  .partial()
  .strict()
export type ManagedSettings = z.infer<typeof ManagedSettings>
export type ManagedSettingKey = keyof ManagedSettings

/** An administrator's proxy: an http(s) proxy address without a password, or `direct`; hosts to reach without it. */
export const PolicyProxy = z
  .object({
    url: z.union([
      z.literal('direct'),
      z
        .url({ protocol: /^https?$/, error: issueText('schema.policy.proxyMustHttpHttps') })
        .refine((url) => !new URL(url).password, {
          error: issueText('schema.policy.policyNeverHoldsProxy'),
        }),
    ]),
    /** Hosts reached without the proxy, as NO_PROXY lists them: `.corp.example`, `intranet:8443`, `*`. */
    bypass: z.array(z.string().min(1).max(260)).max(500).optional(),
  })
  .strict()
export type PolicyProxy = z.infer<typeof PolicyProxy>

/**
 * What an administrator can decide for every Callboard on a machine (Linux
 * /etc/callboard/policy.json, Windows HKLM\Software\Policies\Callboard "Policy", macOS managed
 * preferences for io.callboard.desktop). Validated whole: a policy with one wrong field is not
 * applied at all, and the app says exactly what is wrong. resources/policy.schema.json is generated
 * from this for admins' editors.
 */
export const PolicyDocument = z
  .object({
    version: z.literal(POLICY_VERSION),
    /** Settings fixed for every agent; the agent sees them as managed and cannot change them. */
    settings: ManagedSettings.optional(),
    /**
     * Profiles provided for every agent, without secrets: the agent only signs in or stores the
     * credentials, and cannot edit or remove them. Fixed ids, so queued tasks survive a new policy.
     */
    profiles: z.array(Profile).max(50).optional(),
    /** The providers an agent may add profiles for; absent: any. */
    allowedProviders: z.array(ProviderName).min(1).optional(),
    /**
     * The proxy every provider request goes through, in place of the operating system's proxy
     * configuration (`url` "direct": none at all). Never a password: the credentials are this
     * computer's (see README, For administrators).
     */
    proxy: PolicyProxy.optional(),
    /** The update feed (https), in place of the one set at build time. */
    updateFeed: z.url({ protocol: /^https$/, error: issueText('schema.policy.updateFeedMustHttps') }).optional(),
  })
  .strict()
  .superRefine((policy, ctx) => {
    const ids = new Set<string>()
    for (const [i, profile] of (policy.profiles ?? []).entries()) {
      if (ids.has(profile.id))
        ctx.addIssue({ code: 'custom', path: ['profiles', i, 'id'], message: issueText('schema.policy.idUsedTwice') })
      ids.add(profile.id)
    }
  })
export type PolicyDocument = z.infer<typeof PolicyDocument>

/** What the window knows of the policy: where it came from, what it locks, and what is wrong with it. */
export const PolicyState = z
  .object({
    /** Where the policy was read (a file, a registry key, a managed-preferences domain), or null. */
    source: z.string().nullable(),
    /** Why the policy found there is not applied (a message the window renders in the agent's language), or null. */
    problem: Message.nullable(),
    lockedSettings: z.array(ManagedSettings.keyof()),
    managedProfiles: z.array(ProfileId),
    allowedProviders: z.array(ProviderName).nullable(),
  })
  .strict()
export type PolicyState = z.infer<typeof PolicyState>
