import { startIdentityCenterFront } from '../../../electron/main/providers/connect/connect-sandbox-sim'

/** One loopback port in front of the Connect and Identity Center simulators (the sandbox's own). */
export const oneAddressFor = startIdentityCenterFront

/** The agent's browser on the device page Callboard opened: Allow for the code in its address. */
export async function allowDevice(pageUrl: string): Promise<void> {
  const page = new URL(pageUrl)
  const answer = await fetch(new URL('/device/decide', page), {
    method: 'POST',
    body: new URLSearchParams({ user_code: page.searchParams.get('user_code') ?? '', decision: 'allow' }),
  })
  if (!answer.ok) throw new Error(`the device page refused: ${answer.status}`)
}
