import type { ProfileOf } from '@shared/providers/registry'

/** Webex identity (OAuth and people API): one host for every data center. */
export const WEBEX_IDENTITY = 'https://webexapis.com'

/**
 * The Contact Center API host for a profile, and the identity host beside it. A custom base URL
 * (a tenant-specific host, or a local simulator) serves both.
 */
export function webexHosts(profile: ProfileOf<'webex'>): { api: string; identity: string } {
  if (profile.endpoint.kind === 'custom') {
    const base = profile.endpoint.baseUrl.replace(/\/+$/, '')
    return { api: base, identity: base }
  }
  return { api: `https://api.wxcc-${profile.endpoint.dataCenter}.cisco.com`, identity: WEBEX_IDENTITY }
}
