import type * as Electron from 'electron'

export const LINK_SCHEMES = ['tel', 'callto'] as const

/** Asks the OS to hand tel: and callto: links to Callboard; says which it accepted. */
export function claimLinkSchemes(app: Pick<Electron.App, 'setAsDefaultProtocolClient'>): {
  tel: boolean
  callto: boolean
} {
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
