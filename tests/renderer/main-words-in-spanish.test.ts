import { describe, expect, it } from 'vitest'
import { createAppI18n } from '../../renderer/src/i18n'
import { issueTextIn, messageText } from '../../renderer/src/i18n/message-text'
import { explainSignInProblem } from '../../renderer/src/features/sign-in/explain'
import { instant } from '../../shared/i18n/format-instant'
import { msg } from '../../shared/i18n/message'
import { renderMessage } from '../../shared/i18n/render-message'
import { VoiceNumberList } from '../../shared/providers/voice-broadcast/wire'

// The window's side of tests/main/main-words-in-spanish.test.ts: main's keys rendered by vue-i18n
// in Spanish, a sign-in refused with a code the window does not know, and quantities written the
// Spanish way.

function spanish() {
  const { global } = createAppI18n('es')
  const t = (key: string, params: Record<string, string | number>) => global.t(key, params)
  return { t, te: (key: string) => global.te(key) }
}

describe("main's words in the Spanish window", () => {
  it("a sign-in refused with a code the window does not know: a Spanish sentence, the provider's code and words as they are", () => {
    const { t, te } = spanish()
    const message = msg('signInEnded.refusedDescribed', {
      code: 'consent_revoked_by_policy',
      description: 'AADSTS50105: the admin has not granted access',
    })
    expect(explainSignInProblem(t, te, { code: 'consent_revoked_by_policy', message })).toBe(
      'No se pudo iniciar sesión: El proveedor de identidad rechazó el inicio de sesión (su código: consent_revoked_by_policy; dijo: AADSTS50105: the admin has not granted access).',
    )
    // A code the window knows keeps its own words.
    expect(explainSignInProblem(t, te, { code: 'access_denied', message })).toMatch(/^Rechazó el acceso/)
  })

  it('the sandbox turned off and a second Callboard on the folder, in Spanish', () => {
    const { t } = spanish()
    expect(messageText(t, msg('sandboxOff.turnedOff'))).toBe('El sandbox está desactivado.')
    expect(messageText(t, msg('dataFolder.otherCallboard', { pid: '12345', dir: '/datos' }))).toMatch(
      /^Otro Callboard \(proceso 12345\) está usando esta carpeta de datos \(\/datos\)/,
    )
  })

  it("main's words about a profile's sign-in, in the section the window has its own words in too", () => {
    const { t } = spanish()
    expect(messageText(t, msg('credentials.connect.ssoSignIn'))).toBe(
      'Este perfil inicia sesión con IAM Identity Center: inicie sesión.',
    )
  })

  it('a second Callboard on the folder since a time: the time written the Spanish way in this computer’s zone, not ISO', () => {
    const machineZone = process.env['TZ']
    process.env['TZ'] = 'Europe/Madrid'
    try {
      const { t } = spanish()
      const since = instant('2026-12-07T09:05:00.000Z')
      const text = messageText(t, msg('dataFolder.otherCallboardSince', { pid: '12345', dir: '/datos', since }))
      expect(text).toMatch(/^Otro Callboard \(proceso 12345, iniciado .*7 dic.* 2026.*10:05\)/)
      expect(text).not.toMatch(/2026-12-07T09:05/)
      expect(renderMessage(msg('dataFolder.otherCallboardSince', { pid: '1', dir: '/d', since }), 'en')).toMatch(
        /started Dec 7, 2026, 10:05\sAM\)/,
      )
    } finally {
      if (machineZone === undefined) delete process.env['TZ']
      else process.env['TZ'] = machineZone
    }
  })

  it('a voice broadcast list over the limit: the numbers written the Spanish way', () => {
    const { t } = spanish()
    const list = Array.from({ length: 200_001 }, () => '13800000000')
    const issue = VoiceNumberList.safeParse(list).error?.issues[0]
    expect(issue).toBeDefined()
    const said = issueTextIn(t, issue!.message)
    expect(said).toBe('Como máximo 200.000 números por tarea (esta lista tiene 200.001).')
  })
})
