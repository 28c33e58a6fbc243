import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { createI18n } from 'vue-i18n'
import { describe, expect, it } from 'vitest'
import { en } from '../../shared/i18n/en'
import { es } from '../../shared/i18n/es'
import { renderMessage } from '../../shared/i18n/render-message'
import { Message, type MessageKey } from '../../shared/i18n/message'

// The catalogues of what main says (shared/i18n): one per language, English the source of the keys.
// The type checker already refuses a Spanish catalogue that lacks a key (`satisfies typeof en`);
// these check the same at run time, the placeholders of every text, that both renderers (main's
// own, and vue-i18n in the window) say the same thing, and that every key the code uses exists.

const root = resolve(import.meta.dirname, '../..')

/** Every text of a catalogue by its key. */
function leaves(node: unknown, prefix = ''): Map<string, string> {
  const out = new Map<string, string>()
  for (const [key, value] of Object.entries(node as Record<string, unknown>)) {
    const path = `${prefix}${key}`
    if (typeof value === 'string') out.set(path, value)
    else for (const [k, v] of leaves(value, `${path}.`)) out.set(k, v)
  }
  return out
}

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort()
const catalogues = { en: leaves(en), es: leaves(es) }

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return sourceFiles(path)
    return /\.(ts|vue)$/.test(name) ? [path] : []
  })
}

describe('the catalogues of main’s messages', () => {
  it('have the same keys in every language, each text with the same placeholders', () => {
    expect([...catalogues.es.keys()]).toEqual([...catalogues.en.keys()])
    for (const [key, text] of catalogues.en) {
      expect(placeholders(catalogues.es.get(key)!), key).toEqual(placeholders(text))
    }
  })

  it('refuse, at compile time, a language that lacks a key of the English catalogue', () => {
    const { deadline: _left, ...withoutDeadlines } = es
    // @ts-expect-error: the deadlines are missing, so this is not a catalogue (es.ts says the same of itself)
    const incomplete: typeof en = withoutDeadlines
    expect(Object.keys(incomplete)).not.toContain('deadline')
  })

  it('use only {name} placeholders and none of vue-i18n’s own signs, so both renderers read them alike', () => {
    for (const [language, texts] of Object.entries(catalogues)) {
      for (const [key, text] of texts) {
        const rest = text.replace(/\{\w+\}/g, '')
        expect(/[{}@|]/.test(rest), `${language} ${key}: ${text}`).toBe(false)
      }
    }
  })

  it('render the same in main and in the window (vue-i18n), a message inside another too', () => {
    const i18n = createI18n({ legacy: false, locale: 'en', messages: { en, es } })
    const sample = (key: string): Message => ({
      key: key as MessageKey,
      params: Object.fromEntries(
        placeholders(catalogues.en.get(key)!).map((name, i) => [
          name,
          i === 0 ? { key: 'thing.task', params: {} } : `value-${name}`,
        ]),
      ),
    })
    for (const language of ['en', 'es'] as const) {
      i18n.global.locale.value = language
      for (const key of catalogues.en.keys()) {
        const message = sample(key)
        const params = Object.fromEntries(
          Object.entries(message.params ?? {}).map(([k, v]) => [k, typeof v === 'object' ? i18n.global.t(v.key) : v]),
        )
        expect(i18n.global.t(key, params), `${language} ${key}`).toBe(renderMessage(message, language))
      }
    }
  })

  it('holds every key the code says (msg(…), issueText(…) in shared/, electron/, renderer/)', () => {
    const used = new Set<string>()
    for (const dir of ['shared', 'electron', 'renderer/src']) {
      for (const file of sourceFiles(join(root, dir))) {
        for (const m of readFileSync(file, 'utf8').matchAll(/\b(?:msg|issueText)\(\s*'([\w.]+)'/g)) used.add(m[1]!)
      }
    }
    expect(used.size).toBeGreaterThan(50)
    for (const key of used) {
      expect(catalogues.en.has(key), `en lacks ${key}`).toBe(true)
      expect(catalogues.es.has(key), `es lacks ${key}`).toBe(true)
    }
  })

  it('refuses a parameter named __proto__, as every record of the contract does', () => {
    expect(Message.safeParse(JSON.parse('{"key":"asIs","params":{"__proto__":"x"}}')).success).toBe(false)
    expect(Message.safeParse({ key: 'asIs', params: { text: 'x' } }).success).toBe(true)
  })

  it('renders a key this version does not know (a newer version’s journal) as the key itself', () => {
    expect(renderMessage({ key: 'from.a.newer.version' as MessageKey }, 'es')).toBe('from.a.newer.version')
  })
})
