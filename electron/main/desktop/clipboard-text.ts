/**
 * Electron's clipboard, read side only. Since Electron 45 it is modelled on the W3C API
 * (`readText()` resolves), and on Linux `selection` is the same API over the PRIMARY selection.
 */
export interface ClipboardReader {
  readText(): Promise<string>
  readonly selection?: { readText(): Promise<string> } | undefined
}

/**
 * What the dial shortcut reads: the clipboard's text, or on Linux (when the agent turned it on)
 * the PRIMARY selection, so highlighting a number is enough. Only ever reads: the agent's
 * clipboard holds what they copied before and after the shortcut, untouched.
 */
export async function readDialText(
  clipboard: ClipboardReader,
  options: { platform: NodeJS.Platform; fromSelection: boolean },
): Promise<{ text: string; origin: 'clipboard' | 'selection' }> {
  if (options.platform === 'linux' && options.fromSelection && clipboard.selection) {
    const selected = await clipboard.selection.readText()
    if (selected.trim()) return { text: selected, origin: 'selection' }
  }
  return { text: await clipboard.readText(), origin: 'clipboard' }
}
