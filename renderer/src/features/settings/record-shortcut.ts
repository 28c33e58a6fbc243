// The dial shortcut is recorded from the keys the agent presses (issue 16, item 8), and stored in
// Electron's accelerator syntax, which nobody should have to type. Plain data in and out, so it is
// tested without a page. The chord's own rules (no copy, no window switching…) stay in
// shared/desktop/accelerator.ts and are checked by the settings schema as before.

export type KeyPress = Pick<KeyboardEvent, 'code' | 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>

const CODE_KEYS: Record<string, string> = {
  Space: 'Space',
  Enter: 'Enter',
  NumpadEnter: 'Enter',
  Backspace: 'Backspace',
  Delete: 'Delete',
  Insert: 'Insert',
  Home: 'Home',
  End: 'End',
  PageUp: 'PageUp',
  PageDown: 'PageDown',
  ArrowUp: 'Up',
  ArrowDown: 'Down',
  ArrowLeft: 'Left',
  ArrowRight: 'Right',
  PrintScreen: 'PrintScreen',
  Minus: '-',
  Equal: '=',
  BracketLeft: '[',
  BracketRight: ']',
  Backslash: '\\',
  Semicolon: ';',
  Quote: "'",
  Comma: ',',
  Period: '.',
  Slash: '/',
  Backquote: '`',
  NumpadAdd: 'numadd',
  NumpadSubtract: 'numsub',
  NumpadMultiply: 'nummult',
  NumpadDivide: 'numdiv',
  NumpadDecimal: 'numdec',
}

/** The key of a press, by its place on the keyboard (the same chord on any layout), or null for a modifier alone. */
function keyOf(code: string): string | null {
  if (/^Key[A-Z]$/.test(code)) return code.slice(3)
  if (/^Digit[0-9]$/.test(code)) return code.slice(5)
  if (/^Numpad[0-9]$/.test(code)) return `num${code.slice(6)}`
  if (/^F([1-9]|1[0-9]|2[0-4])$/.test(code)) return code
  return CODE_KEYS[code] ?? null
}

export type Recorded =
  /** Modifiers only so far: what to show while the agent holds them. */
  | { kind: 'partial'; shown: string }
  /** A whole chord, as Electron spells it. */
  | { kind: 'chord'; accelerator: string }
  /** A key no shortcut can use alone (a letter without Ctrl or Alt…): say so. */
  | { kind: 'needsModifier'; shown: string }
  /** Tab, Shift+Tab and Esc keep their usual meaning: moving on, and giving up. */
  | { kind: 'ignored' }

/**
 * One key press while recording. Ctrl is stored as CommandOrControl (⌘ on a Mac, Ctrl elsewhere,
 * as the default shortcut is), the Windows or ⌘ key as Super on the other systems.
 */
export function recordPress(press: KeyPress, mac: boolean): Recorded {
  if (press.code === 'Tab' || press.code === 'Escape') return { kind: 'ignored' }
  const modifiers: string[] = []
  if (mac ? press.metaKey : press.ctrlKey) modifiers.push('CommandOrControl')
  if (mac && press.ctrlKey) modifiers.push('Control')
  if (!mac && press.metaKey) modifiers.push('Super')
  if (press.altKey) modifiers.push('Alt')
  if (press.shiftKey) modifiers.push('Shift')
  const key = keyOf(press.code)
  if (!key) return { kind: 'partial', shown: [...modifiers, ''].join('+') }
  const chord = [...modifiers, key].join('+')
  // A global shortcut needs Ctrl, Alt or Super: without one it would fire while typing (Shift alone types a character).
  const strong = modifiers.some((m) => m !== 'Shift')
  if (!strong) return { kind: 'needsModifier', shown: chord }
  return { kind: 'chord', accelerator: chord }
}

/** An accelerator as the agent reads it on this system: Ctrl+Alt+D, or ⌘+⌥+D on a Mac. */
export function shownAccelerator(accelerator: string, mac: boolean): string {
  const names: Record<string, string> = mac
    ? {
        CommandOrControl: '⌘',
        CmdOrCtrl: '⌘',
        Command: '⌘',
        Control: '⌃',
        Alt: '⌥',
        Option: '⌥',
        Shift: '⇧',
        Super: '⌘',
      }
    : { CommandOrControl: 'Ctrl', CmdOrCtrl: 'Ctrl', Control: 'Ctrl', Command: 'Super', Super: 'Super', Meta: 'Super' }
  return accelerator
    .split('+')
    .map((part) => names[part] ?? part)
    .join('+')
}
