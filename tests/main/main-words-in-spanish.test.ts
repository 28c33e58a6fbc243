import { describe, expect, it } from 'vitest'
import { claimDataFolder } from '../../electron/main/app/data-folder'
import { explainRefusal } from '../../electron/main/sign-in/browser-sign-in'
import { parseSettingsText, salvageSettings } from '../../electron/main/settings/settings-salvage'
import { issueMessage } from '../../shared/i18n/issue-message'
import { listOf, msg, type Message } from '../../shared/i18n/message'
import { renderMessage } from '../../shared/i18n/render-message'
import { VoiceNumberList } from '../../shared/providers/voice-broadcast/wire'

// Issue #16 item 6, the rest: what main says about its data folder, a damaged settings file, the
// sandbox and a sign-in refused with a code the window does not know leaves main as message keys,
// and a quantity as a number written the language's own way ("200.000" in Spanish). Rendered here
// with main's renderer, which reads the same catalogues as the window's vue-i18n
// (tests/renderer/main-words-in-spanish.test.ts renders the same keys in the window).

const inSpanish = (message: Message) => renderMessage(message, 'es')

/**
 * The English words of a Spanish text: English's commonest function words, which Spanish does not
 * use (the walk's finder, tests/e2e/helpers/english-finder.ts, in small). Product names, ids and the
 * provider's own words are left out by the tests that call it.
 */
const ENGLISH = /\b(the|and|is|was|not|could|this|that|with|it|its|been|has|have|which)\b/gi
const englishIn = (text: string) => text.match(ENGLISH) ?? []

describe("main's words, in Spanish", () => {
  it('a second Callboard on the same data folder says why it saves nothing, in Spanish', async () => {
    const dir = `${process.env['TMPDIR'] ?? '/tmp'}/callboard-busy-${process.pid}-${Date.now()}`
    const owner = await claimDataFolder(dir, () => new Date('2026-12-07T10:00:00Z'))
    try {
      const second = await claimDataFolder(dir, () => new Date('2026-12-07T10:05:00Z'))
      if (second.owner) throw new Error('the folder was claimed twice')
      const said = inSpanish(second.busy)
      expect(said).toMatch(/^Otro Callboard \(proceso \d+, iniciado [^)]+\) está usando esta carpeta de datos/)
      // The process id is an identifier: its digits are never grouped.
      expect(said).toContain(`proceso ${process.pid},`)
      expect(englishIn(said)).toEqual([])
    } finally {
      if (owner.owner) await owner.lock.release()
    }
  })

  it("a damaged settings file's reasons, each part of it, in Spanish", () => {
    const notJson = parseSettingsText('{"version":2,"theme":"da')
    expect(notJson.ok).toBe(false)
    if (!notJson.ok) expect(inSpanish(notJson.reason)).toMatch(/^no es JSON válido \(/)
    const salvage = salvageSettings(
      { version: 2, theme: 'neon', color: 'red', profiles: [{ id: 'p-1', label: 'Soporte', provider: 'webex' }] },
      null,
      new Date('2026-12-07T10:00:00Z'),
    )
    if (salvage.kind !== 'usable') throw new Error(`not usable: ${salvage.kind}`)
    const said = inSpanish(listOf(salvage.problems))
    expect(said).toMatch(/^el ajuste «theme» no era válido \(/)
    expect(said).toContain('se omitió una entrada desconocida, «color»')
    expect(said).toContain('el perfil «Soporte» no se pudo leer')
    expect(englishIn(said)).toEqual([])
    // The set-aside profile keeps its reason as a message, for the window to word.
    expect(englishIn(inSpanish(salvage.doc.setAside![0]!.reason))).toEqual([])
    const newer = salvageSettings({ version: 9, profiles: [] }, null, new Date())
    expect(newer).toEqual({ kind: 'newer', version: 9 })
  })

  it('the sandbox turned off, in Spanish', () => {
    expect(inSpanish(msg('sandboxOff.turnedOff'))).toBe('El sandbox está desactivado.')
  })

  it("a sign-in refused with a code the window does not know: a Spanish sentence, the provider's code and words as they are", () => {
    const refused = explainRefusal('consent_revoked_by_policy', 'AADSTS50105: the admin has not granted access')
    expect(inSpanish(refused.said)).toBe(
      'El proveedor de identidad rechazó el inicio de sesión (su código: consent_revoked_by_policy; dijo: AADSTS50105: the admin has not granted access).',
    )
    // Without the provider's words: the code alone.
    expect(inSpanish(explainRefusal('weird', undefined).said)).toBe(
      'El proveedor de identidad rechazó el inicio de sesión (su código: weird).',
    )
  })

  it('a voice broadcast list over the limit: the numbers written the Spanish way', () => {
    const list = Array.from({ length: 200_001 }, () => '13800000000')
    const issue = VoiceNumberList.safeParse(list).error?.issues[0]
    expect(issue).toBeDefined()
    const said = inSpanish(issueMessage(issue!.message))
    expect(said).toContain('200.000')
    expect(said).toContain('200.001')
    expect(said).not.toMatch(/200,00/)
    // English keeps its own way; main's log says it in English.
    expect(renderMessage(msg('count.tasks.many', { n: 12_345 }), 'en')).toBe('12,345 tasks')
    expect(renderMessage(msg('count.tasks.many', { n: 12_345 }), 'es')).toMatch(/^12\.345 /)
  })
})
