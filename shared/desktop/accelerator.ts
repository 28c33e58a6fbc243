import { msg, type Message } from '../i18n/message'
import { renderMessage } from '../i18n/render-message'

// Electron accelerators for the global dial shortcut: what the agent may choose, and why a choice
// is refused. A global shortcut takes the chord from every other application, so chords people
// use all day (copy, paste, undo, quit, switching windows) are refused outright.

const MODIFIERS: Record<string, Modifier> = {
  command: 'Command',
  cmd: 'Command',
  control: 'Control',
  ctrl: 'Control',
  commandorcontrol: 'CommandOrControl',
  cmdorctrl: 'CommandOrControl',
  alt: 'Alt',
  option: 'Alt',
  altgr: 'AltGr',
  shift: 'Shift',
  super: 'Super',
  meta: 'Super',
}
type Modifier = 'Command' | 'Control' | 'CommandOrControl' | 'Alt' | 'AltGr' | 'Shift' | 'Super'

const NAMED_KEYS = [
  'Plus',
  'Space',
  'Tab',
  'Backspace',
  'Delete',
  'Insert',
  'Return',
  'Enter',
  'Up',
  'Down',
  'Left',
  'Right',
  'Home',
  'End',
  'PageUp',
  'PageDown',
  'Escape',
  'Esc',
  'PrintScreen',
  'num0',
  'num1',
  'num2',
  'num3',
  'num4',
  'num5',
  'num6',
  'num7',
  'num8',
  'num9',
  'numdec',
  'numadd',
  'numsub',
  'nummult',
  'numdiv',
]
const PUNCTUATION = [
  ')',
  '!',
  '@',
  '#',
  '$',
  '%',
  '^',
  '&',
  '*',
  '(',
  ':',
  ';',
  '<',
  '=',
  '>',
  '?',
  '-',
  '_',
  '[',
  ']',
  '{',
  '}',
  '\\',
  '|',
  "'",
  '"',
  ',',
  '.',
  '/',
  '`',
  '~',
]

export const DEFAULT_DIAL_ACCELERATOR = 'CommandOrControl+Alt+D'

export type AcceleratorProblem =
  | { code: 'empty' }
  | { code: 'unknown_part'; part: string }
  | { code: 'no_key' }
  | { code: 'two_keys' }
  | { code: 'needs_modifier' }
  | { code: 'reserved'; chord: string }

/** Chords the desktop or nearly every application already uses; Ctrl and Cmd count alike. */
const RESERVED = [
  'Ctrl+C',
  'Ctrl+V',
  'Ctrl+X',
  'Ctrl+Z',
  'Ctrl+Y',
  'Ctrl+A',
  'Ctrl+S',
  'Ctrl+Q',
  'Ctrl+W',
  'Ctrl+P',
  'Ctrl+F',
  'Ctrl+N',
  'Ctrl+T',
  'Ctrl+O',
  'Ctrl+R',
  'Ctrl+Shift+Z',
  'Ctrl+Tab',
  'Ctrl+Shift+Tab',
  'Ctrl+Esc',
  'Alt+Tab',
  'Alt+Shift+Tab',
  'Alt+F4',
  'Alt+Esc',
  'Alt+Space',
  'Ctrl+Alt+Delete',
  'Ctrl+Shift+Esc',
  'Ctrl+Space',
  'Super+L',
  'Super+D',
  'Super+Tab',
  'Ctrl+Alt+T',
  'Ctrl+Alt+L',
]

/** A chord written the one way we compare them: Ctrl for Control/Command, modifiers in a fixed order. */
function canonical(modifiers: ReadonlySet<Modifier>, key: string): string {
  const ctrl = modifiers.has('Control') || modifiers.has('Command') || modifiers.has('CommandOrControl')
  const parts = [ctrl ? 'Ctrl' : '', modifiers.has('Alt') ? 'Alt' : '', modifiers.has('Shift') ? 'Shift' : '']
  parts.push(modifiers.has('Super') ? 'Super' : '', modifiers.has('AltGr') ? 'AltGr' : '')
  return [...parts.filter(Boolean), key.length === 1 ? key.toUpperCase() : key].join('+')
}
const reserved = new Set(RESERVED)

function keyName(part: string): string | null {
  if (/^[a-z0-9]$/i.test(part)) return part.toUpperCase()
  if (/^F([1-9]|1\d|2[0-4])$/i.test(part)) return part.toUpperCase()
  const named = NAMED_KEYS.find((k) => k.toLowerCase() === part.toLowerCase())
  if (named) return named === 'Esc' ? 'Escape' : named === 'Enter' ? 'Return' : named
  return PUNCTUATION.includes(part) ? part : null
}

/**
 * Checks an accelerator string and writes it the way Electron documents it, or says what is
 * wrong: an unknown part, no key or two, no Ctrl/Cmd/Alt/Super (Shift alone would fire while
 * typing), or a chord reserved by the desktop or everyday editing.
 */
export function checkAccelerator(
  input: string,
): { ok: true; accelerator: string } | { ok: false; problem: AcceleratorProblem } {
  const text = input.trim()
  if (!text) return { ok: false, problem: { code: 'empty' } }
  const modifiers = new Set<Modifier>()
  let key: string | null = null
  // "+" is a separator except as the key itself ("Ctrl++" or "Ctrl+Plus").
  const parts = text
    .replace(/\+\+$/, '+Plus')
    .split('+')
    .map((p) => p.trim())
  for (const part of parts) {
    const modifier = MODIFIERS[part.toLowerCase()]
    if (modifier) {
      modifiers.add(modifier)
      continue
    }
    const name = keyName(part)
    if (!name) return { ok: false, problem: { code: 'unknown_part', part } }
    if (key) return { ok: false, problem: { code: 'two_keys' } }
    key = name
  }
  if (!key) return { ok: false, problem: { code: 'no_key' } }
  const strong = ['Command', 'Control', 'CommandOrControl', 'Alt', 'AltGr', 'Super'] as const
  if (!strong.some((m) => modifiers.has(m))) return { ok: false, problem: { code: 'needs_modifier' } }
  const chord = canonical(modifiers, key)
  if (reserved.has(chord)) return { ok: false, problem: { code: 'reserved', chord } }
  const order: Modifier[] = ['CommandOrControl', 'Command', 'Control', 'Alt', 'AltGr', 'Shift', 'Super']
  return { ok: true, accelerator: [...order.filter((m) => modifiers.has(m)), key].join('+') }
}

/** Plain words for a refusal (the settings form shows its own translated text for each code). */
export function acceleratorProblem(problem: AcceleratorProblem): Message {
  switch (problem.code) {
    case 'unknown_part':
      return msg('shortcut.unknown_part', { part: problem.part })
    case 'reserved':
      return msg('shortcut.reserved', { chord: problem.chord })
    default:
      return msg(`shortcut.${problem.code}`)
  }
}

/** The problem in English, for the schema's issue and the log. */
export const acceleratorProblemText = (problem: AcceleratorProblem): string =>
  renderMessage(acceleratorProblem(problem))
