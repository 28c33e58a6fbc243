import { mkdir, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { msg, type Message } from '@shared/i18n/message'

/** On the command line of a start at login: Callboard starts in the tray, without its window. */
export const HIDDEN_FLAG = '--hidden'

/** What starting at login needs of the system; Electron's `app` and the file system in the app. */
export interface LoginItemHost {
  platform: NodeJS.Platform
  /** Windows and macOS: Electron's own login items. */
  setLoginItemSettings(settings: { openAtLogin: boolean; args?: string[] }): void
  /** Linux: the program the autostart entry runs (the AppImage file when there is one). */
  executable: string
  /** Linux: `$XDG_CONFIG_HOME/autostart` (usually ~/.config/autostart). */
  autostartDir: string
  files?: { write(path: string, text: string): Promise<void>; remove(path: string): Promise<void> }
}

const nodeFiles = {
  async write(path: string, text: string) {
    await mkdir(join(path, '..'), { recursive: true })
    await writeFile(path, text, { mode: 0o644 })
  },
  remove: (path: string) => rm(path, { force: true }),
}

export const AUTOSTART_FILE = 'callboard.desktop'

/**
 * Turns starting at login on or off; resolves with the reason (a message in the agent's language) when the system refused. Electron's
 * login items cover Windows and macOS only, so Linux gets an XDG autostart entry, the standard
 * every desktop (GNOME, KDE, Xfce, …) reads at sign-in.
 */
export async function applyStartAtLogin(host: LoginItemHost, on: boolean): Promise<Message | null> {
  try {
    if (host.platform === 'linux') {
      const files = host.files ?? nodeFiles
      const path = join(host.autostartDir, AUTOSTART_FILE)
      if (on && host.executable.includes('%')) {
        // The spec's `%%` is right, but GLib (GNOME's loader) checks that the program exists before
        // it expands `%%`, and drops the entry: no spelling of `%` starts on every desktop.
        return msg('notice.startAtSignInPercent', { path: host.executable })
      }
      if (on) await files.write(path, autostartEntry(host.executable))
      else await files.remove(path)
    } else {
      host.setLoginItemSettings({ openAtLogin: on, args: [HIDDEN_FLAG] })
    }
    return null
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error)
    return msg(on ? 'notice.startAtSignInAdd' : 'notice.startAtSignInRemove', { detail })
  }
}

/** An XDG desktop entry that starts Callboard hidden in the tray. */
export function autostartEntry(executable: string): string {
  return [
    '[Desktop Entry]',
    'Type=Application',
    'Name=Callboard',
    'Comment=Starts Callboard in the tray when you sign in',
    `Exec=${quoteExecArgument(executable)} ${HIDDEN_FLAG}`,
    'Terminal=false',
    'X-GNOME-Autostart-enabled=true',
    '',
  ].join('\n')
}

/**
 * The Desktop Entry Specification's quoting for an Exec argument. Two rules stack: the quoting rule
 * (inside double quotes, a backslash before `"`, `` ` ``, `$` and `\`), then the escapes of every
 * string value (`\\` for a backslash, `\n` for a newline), so a literal backslash in a quoted
 * argument is four in the file. A `%` (a field code) is refused before this is called.
 */
export function quoteExecArgument(argument: string): string {
  if (/^[A-Za-z0-9_./+-]+$/.test(argument)) return argument
  const quoted = argument.replace(/["`$\\]/g, (c) => `\\${c}`)
  const asString = quoted.replace(/\\/g, '\\\\').replace(/\n/g, '\\n')
  return `"${asString}"`
}

/** Whether this start came from the login item: then the window stays closed (the tray is there). */
export function startedAtLogin(argv: readonly string[], wasOpenedAtLogin: boolean): boolean {
  return wasOpenedAtLogin || argv.includes(HIDDEN_FLAG)
}
