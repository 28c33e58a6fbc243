import { describe, expect, it } from 'vitest'
import { recordPress, shownAccelerator } from '../../renderer/src/features/settings/record-shortcut'
import { checkAccelerator } from '../../shared/desktop/accelerator'

// Item 8: the shortcut setting records the keys pressed; what it stores is Electron's syntax, which
// the settings schema then judges as before.

const press = (code: string, mods: { ctrl?: boolean; alt?: boolean; shift?: boolean; meta?: boolean } = {}) => ({
  code,
  key: '',
  ctrlKey: !!mods.ctrl,
  altKey: !!mods.alt,
  shiftKey: !!mods.shift,
  metaKey: !!mods.meta,
})

describe('recording the dial shortcut', () => {
  it('Ctrl+Alt+D pressed on Linux or Windows is CommandOrControl+Alt+D, shown as Ctrl+Alt+D', () => {
    const recorded = recordPress(press('KeyD', { ctrl: true, alt: true }), false)
    expect(recorded).toEqual({ kind: 'chord', accelerator: 'CommandOrControl+Alt+D' })
    expect(shownAccelerator('CommandOrControl+Alt+D', false)).toBe('Ctrl+Alt+D')
    expect(checkAccelerator('CommandOrControl+Alt+D')).toEqual({ ok: true, accelerator: 'CommandOrControl+Alt+D' })
  })

  it('⌘⌥D on a Mac is the same accelerator, shown with the Mac’s signs', () => {
    expect(recordPress(press('KeyD', { meta: true, alt: true }), true)).toEqual({
      kind: 'chord',
      accelerator: 'CommandOrControl+Alt+D',
    })
    expect(shownAccelerator('CommandOrControl+Alt+D', true)).toBe('⌘+⌥+D')
  })

  it('reads keys by place, so another layout gives the same chord; digits, F keys and arrows too', () => {
    expect(recordPress(press('Digit1', { ctrl: true, shift: true }), false)).toEqual({
      kind: 'chord',
      accelerator: 'CommandOrControl+Shift+1',
    })
    expect(recordPress(press('F9', { ctrl: true, shift: true }), false)).toEqual({
      kind: 'chord',
      accelerator: 'CommandOrControl+Shift+F9',
    })
    expect(recordPress(press('ArrowUp', { alt: true }), false)).toEqual({ kind: 'chord', accelerator: 'Alt+Up' })
  })

  it('shows modifiers held so far, wants one with a plain key, and leaves Tab and Esc alone', () => {
    expect(recordPress(press('ControlLeft', { ctrl: true }), false)).toEqual({
      kind: 'partial',
      shown: 'CommandOrControl+',
    })
    expect(recordPress(press('KeyD', { shift: true }), false)).toEqual({ kind: 'needsModifier', shown: 'Shift+D' })
    expect(recordPress(press('F9'), false)).toEqual({ kind: 'needsModifier', shown: 'F9' })
    expect(recordPress(press('Tab'), false)).toEqual({ kind: 'ignored' })
    expect(recordPress(press('Escape'), false)).toEqual({ kind: 'ignored' })
  })

  it('records a reserved chord as pressed: the schema refuses it with the reason', () => {
    const recorded = recordPress(press('KeyC', { ctrl: true }), false)
    expect(recorded).toEqual({ kind: 'chord', accelerator: 'CommandOrControl+C' })
    expect(checkAccelerator('CommandOrControl+C')).toEqual({
      ok: false,
      problem: { code: 'reserved', chord: 'Ctrl+C' },
    })
  })
})
