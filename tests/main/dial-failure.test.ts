import { describe, expect, it } from 'vitest'
import { msg } from '../../shared/i18n/message'
import { renderMessage } from '../../shared/i18n/render-message'
import { AppError } from '../../electron/main/core/app-error'
import { dialFailureNote } from '../../electron/main/desktop/dial-failure'

// What the agent reads when the dial shortcut or a tel: link fails: a refusal in its own words, and a
// fault of Callboard's own in the agent's language, never the error's English text.

describe('the notification of a failed dial request', () => {
  it('says a refusal in its own words', () => {
    const note = dialFailureNote(new AppError('invalid_input', msg('failure.numberNotDialable')))
    expect(renderMessage(note.body, 'es')).toBe(renderMessage(msg('failure.numberNotDialable'), 'es'))
  })

  it('says anything else in the agent’s language, without the error’s own text', () => {
    const note = dialFailureNote(new TypeError("Cannot read properties of undefined (reading 'trim')"))
    expect(renderMessage(note.title, 'es')).toBe('Callboard: no se pudo marcar')
    const body = renderMessage(note.body, 'es')
    expect(body).toContain('registro')
    expect(body).not.toMatch(/Cannot read|undefined|trim/)
    expect(renderMessage(dialFailureNote('a string thrown').body, 'en')).not.toContain('a string thrown')
  })
})
