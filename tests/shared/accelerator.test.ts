import { describe, expect, it } from 'vitest'
import { checkAccelerator, DEFAULT_DIAL_ACCELERATOR } from '../../shared/desktop/accelerator'

describe('dial shortcut accelerators', () => {
  it.each([
    [DEFAULT_DIAL_ACCELERATOR, 'CommandOrControl+Alt+D'],
    ['cmdorctrl+alt+d', 'CommandOrControl+Alt+D'],
    ['Ctrl+Shift+F9', 'Control+Shift+F9'],
    ['Alt+Shift+1', 'Alt+Shift+1'],
    ['Super+Shift+Space', 'Shift+Super+Space'],
    ['Ctrl+Alt+Plus', 'Control+Alt+Plus'],
    ['Ctrl+Alt++', 'Control+Alt+Plus'],
    ['Option+Cmd+K', 'Command+Alt+K'],
    ['Ctrl+Alt+Enter', 'Control+Alt+Return'],
  ])('accepts %s as %s', (input, written) => {
    expect(checkAccelerator(input)).toEqual({ ok: true, accelerator: written })
  })

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['Ctrl+Alt', 'no_key'],
    ['Ctrl+D+E', 'two_keys'],
    ['Ctrl+Hyper+D', 'unknown_part'],
    ['D', 'needs_modifier'],
    ['Shift+D', 'needs_modifier'],
    ['CommandOrControl+C', 'reserved'],
    ['Cmd+V', 'reserved'],
    ['Control+x', 'reserved'],
    ['Ctrl+Shift+Z', 'reserved'],
    ['CmdOrCtrl+Q', 'reserved'],
    ['Alt+F4', 'reserved'],
    ['Alt+Tab', 'reserved'],
    ['Super+L', 'reserved'],
    ['Ctrl+Alt+Delete', 'reserved'],
  ])('refuses %j (%s)', (input, code) => {
    const result = checkAccelerator(input)
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.problem.code).toBe(code)
  })
})
