import type { ProfileOf } from '@shared/providers/registry'
import { WEBEX_IDENTITY_URL } from '@shared/providers/webex/profile'

/**
 * The Contact Center API host for a profile, and the identity host beside it. The identity host is
 * Webex's own (`webexapis.com`, for every data center) unless the profile names another: a custom
 * Contact Center base URL does not serve the OAuth or people API.
 */
export function webexHosts(profile: ProfileOf<'webex'>): { api: string; identity: string } {
  const identity = (profile.identityUrl || WEBEX_IDENTITY_URL).replace(/\/+$/, '')
  if (profile.endpoint.kind === 'custom') return { api: profile.endpoint.baseUrl.replace(/\/+$/, ''), identity }
  return { api: `https://api.wxcc-${profile.endpoint.dataCenter}.cisco.com`, identity }
}
