import { execFile } from 'node:child_process'
import type * as Electron from 'electron'

export const LINK_SCHEMES = ['tel', 'callto'] as const
export type LinkClaims = { tel: boolean; callto: boolean }

/** Where the NSIS installer registers the schemes as Callboard's capabilities (resources/installer.nsh). */
const CAPABILITY_KEYS = [
  'HKCU\\Software\\Callboard\\Capabilities\\URLAssociations',
  'HKLM\\Software\\Callboard\\Capabilities\\URLAssociations',
] as const

/** Reads one registry key's values as `reg query` prints them; null when the key is absent. */
export type RegistryQuery = (key: string) => Promise<string | null>

const regQuery: RegistryQuery = (key) =>
  new Promise((resolve) => {
    execFile('reg', ['query', key], { timeout: 5_000, windowsHide: true }, (error, stdout) =>
      resolve(error ? null : stdout),
    )
  })

/**
 * Asks the OS to hand tel: and callto: links to Callboard and says, truthfully, which it will get.
 * macOS and Linux: the answer of app.setAsDefaultProtocolClient. Windows offers an app for a scheme
 * only through the capabilities its installer registered, whatever that call returns (it writes a
 * class Windows 10 and 11 do not offer in Default Apps), so there the registry is read instead.
 */
export async function claimLinkSchemes(
  app: Pick<Electron.App, 'setAsDefaultProtocolClient'>,
  platform: NodeJS.Platform,
  query: RegistryQuery = regQuery,
): Promise<LinkClaims> {
  if (platform === 'win32') {
    const listed = (await Promise.all(CAPABILITY_KEYS.map((key) => query(key)))).join('\n')
    const offered = (scheme: string) =>
      new RegExp(`^\\s*${scheme}\\s+REG_SZ\\s+Callboard\\.${scheme}\\s*$`, 'im').test(listed)
    return { tel: offered('tel'), callto: offered('callto') }
  }
  const claim = (scheme: string) => {
    try {
      return app.setAsDefaultProtocolClient(scheme)
    } catch {
      return false
    }
  }
  return { tel: claim('tel'), callto: claim('callto') }
}

/**
 * A tel:/callto: link among a command line (Windows and Linux start the app, or signal the first
 * instance, with the link as an argument). Only the link's text is taken; the dial desk parses it.
 */
export function linkFromArgv(argv: readonly string[]): string | null {
  for (const arg of argv) {
    if (/^(tel|callto):/i.test(arg) && arg.length <= 2048) return arg
  }
  return null
}
