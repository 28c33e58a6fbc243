import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { issueMessage, issueText, isIssueText } from '../../shared/i18n/issue-message'
import { renderMessage } from '../../shared/i18n/render-message'
import { schemaEn } from '../../shared/i18n/schema-en'
import type { MessageKey, MessageParam } from '../../shared/i18n/message'
import { toWireRequest } from '../../shared/providers/registry'
import { OutdialIntent } from '../../shared/schemas/intents'
import { Profile, type ProfileOf } from '../../shared/schemas/profiles'
import { groupByPath, toTypedSchema } from '../../renderer/src/forms/typed-schema'
import { createAppI18n } from '../../renderer/src/i18n'
import { issueTextNow } from '../../renderer/src/i18n/message-text'
import { drafts } from '../shared/fixtures'

// Every message a shared schema (its wire rules, the intent mapping) can put in front of the agent
// is a key of the catalogues (shared/i18n/schema-en.ts, schema-es.ts), written into the issue by
// issueText. Gathered from the source: no sentence is left in it as English text, every key it
// names exists, and each renders in both languages with every placeholder filled by the parameters
// the call gives (a noun for `what`, a contact point for `kind`, a provider's name).

const root = resolve(import.meta.dirname, '../..')

const tsFiles = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? tsFiles(path) : path.endsWith('.ts') ? [path] : []
  })

const SOURCES = [
  ...tsFiles(join(root, 'shared/schemas')),
  // Each provider's schemas and intent → wire mapping; its sandbox samples are data, not messages.
  ...tsFiles(join(root, 'shared/providers')).filter((path) => !/samples\.ts$|sample-kit\.ts$/.test(path)),
]

/** A key written as a template (`schema.provider.${name}`): every key of the catalogue it can be. */
const keysLike = (head: string, tail: string): string[] =>
  leaves(schemaEn, 'schema.').filter((key) => key.startsWith(head) && key.endsWith(tail))

function leaves(node: object, prefix: string): string[] {
  return Object.entries(node).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`] : leaves(value as object, `${prefix}${key}.`),
  )
}

type Call = { file: string; keys: string[]; params: string[] }

function gather() {
  const calls: Call[] = []
  const sentences: string[] = []
  for (const path of SOURCES) {
    const file = relative(root, path)
    const source = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true)
    const visit = (node: ts.Node) => {
      if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'issueText') {
        const [key, params] = node.arguments
        const keys = !key
          ? []
          : ts.isStringLiteral(key)
            ? [key.text]
            : ts.isTemplateExpression(key)
              ? keysLike(key.head.text, key.templateSpans.at(-1)!.literal.text)
              : ts.isConditionalExpression(key)
                ? [key.whenTrue, key.whenFalse].filter(ts.isStringLiteral).map((k) => k.text)
                : []
        const names =
          params && ts.isObjectLiteralExpression(params)
            ? params.properties.flatMap((p) =>
                ts.isSpreadAssignment(p) ? ['when', 'value'] : p.name ? [p.name.getText(source)] : [],
              )
            : []
        calls.push({ file, keys, params: names })
      }
      // A programmer's error (`new RangeError(…)`) is not shown to the agent.
      const thrown =
        node.parent !== undefined && ts.isNewExpression(node.parent) && /Error$/.test(node.parent.expression.getText())
      const text = ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) ? node.text : null
      if (text !== null && !thrown && /^[A-Z].* .*[.)]$/s.test(text)) sentences.push(`${file}: ${text}`)
      ts.forEachChild(node, visit)
    }
    visit(source)
  }
  return { calls, sentences }
}

const { calls, sentences } = gather()

/** A sample for each parameter: the catalogue's own nouns where the text names one. */
const SAMPLE: Record<string, MessageParam> = {
  what: { key: 'schema.noun.customerName' },
  kind: { key: 'schema.contactPoint.mobile' },
  provider: { key: 'schema.provider.webex' },
  needed: { key: 'schema.provider.voice_broadcast' },
  profileProvider: { key: 'schema.provider.connect' },
  problem: { key: 'schema.intentFields.numberTooShortIts' },
}
const sample = (names: string[]) => Object.fromEntries(names.map((name) => [name, SAMPLE[name] ?? 42]))

const leftover = /\{\w+\}/

describe('the shared schemas’ messages', () => {
  it('are found (the scan itself still works)', () => {
    expect(calls.length).toBeGreaterThan(250)
    const keys = new Set(calls.flatMap((c) => c.keys))
    expect(keys).toContain('schema.fields.giveName')
    expect(keys).toContain('schema.text.enter')
    expect(keys).toContain('schema.templates.quickConnectNotConfigured')
  })

  it('leave no English sentence in the schemas’ source: each is a key', () => {
    expect(sentences).toEqual([])
  })

  it('name only keys both catalogues hold, and render with every placeholder filled, in both languages', () => {
    const problems: string[] = []
    for (const { file, keys, params } of calls) {
      if (keys.length === 0) problems.push(`${file}: a key the scan cannot read`)
      for (const key of keys) {
        const message = { key: key as MessageKey, params: sample(params) }
        for (const language of ['en', 'es'] as const) {
          const text = renderMessage(message, language)
          if (text === key || leftover.test(text)) problems.push(`${file}: ${key} in ${language}: ${text}`)
        }
      }
    }
    expect(problems).toEqual([])
  })

  it('say every noun in both languages, and every sentence in Spanish differently from English', () => {
    const same = leaves(schemaEn, 'schema.').filter((key) => {
      const message = { key: key as MessageKey }
      return renderMessage(message, 'es') === renderMessage(message, 'en')
    })
    // Product names, a number followed by its problem, and zod's names that are names in Spanish
    // too (formats, bytes, NaN), read the same in both.
    expect(same.sort()).toEqual([
      'schema.provider.aiccs',
      'schema.provider.connect',
      'schema.provider.egain',
      'schema.provider.webex',
      'schema.templates.numberProblem',
      'schema.zod.format.guid',
      'schema.zod.format.jwt',
      'schema.zod.format.url',
      'schema.zod.format.uuid',
      'schema.zod.type.nan',
      'schema.zod.unit.file',
    ])
  })

  it('travel as a key with parameters, read back as they were written', () => {
    const text = issueText('schema.text.atMostChars', { max: 36 })
    expect(isIssueText(text)).toBe(true)
    expect(issueMessage(text)).toEqual({ key: 'schema.text.atMostChars', params: { max: 36 } })
    expect(renderMessage(issueMessage(text), 'es')).toBe('Como máximo 36 caracteres.')
    // Any other text (a library's, an older version's) is shown as it is.
    expect(issueMessage('Something main said.')).toEqual({ key: 'asIs', params: { text: 'Something main said.' } })
    expect(issueMessage('\u2063msg:{not json')).toEqual({ key: 'asIs', params: { text: '\u2063msg:{not json' } })
  })
})

describe('the forms in Spanish', () => {
  const webex = Profile.parse({ ...drafts.webex, id: '11111111-1111-4111-8111-111111111111' }) as ProfileOf<'webex'>
  const intent = {
    kind: 'outdial',
    profileId: webex.id,
    destination: '+14085550100',
    entryPointId: webex.entryPoints[0]?.id ?? 'ep',
    origin: 'x'.repeat(40),
  }

  it('validates with the schema and shows its messages in the UI’s language', async () => {
    const i18n = createAppI18n('es')
    const schema = toTypedSchema(OutdialIntent)
    const spanish = await schema.parse(intent as never)
    expect(spanish.errors).toEqual([{ path: 'origin', errors: ['Como máximo 36 caracteres.'] }])

    i18n.global.locale.value = 'en'
    const english = await schema.parse(intent as never)
    expect(english.errors).toEqual([{ path: 'origin', errors: ['At most 36 characters.'] }])
  })

  it('renders a refusal a form adds from toWireRequest', async () => {
    createAppI18n('es')
    const schema = toTypedSchema(
      OutdialIntent.superRefine((checked, ctx) => {
        const result = toWireRequest(checked, webex, new Date())
        if ('error' in result) ctx.addIssue({ code: 'custom', path: result.error.path, message: result.error.message })
      }),
    )
    const result = await schema.parse({ ...intent, origin: '+10000000000' } as never)
    expect(result.errors).toEqual([
      { path: 'origin', errors: ['Ese ANI de marcación no está configurado en este perfil.'] },
    ])
  })

  it('renders zod’s own messages too', async () => {
    createAppI18n('es')
    const result = await toTypedSchema(z.object({ n: z.number() })).parse({ n: 'x' } as never)
    expect(result.errors[0]?.errors[0]).not.toMatch(/expected/i)
  })

  it('puts main’s issues on the fields in the UI’s language, a noun inside a sentence too', () => {
    createAppI18n('es')
    const entryPointId = issueText('schema.text.enter', { what: { key: 'schema.noun.entryPointId' } })
    expect(
      groupByPath([
        { path: ['label'], message: issueText('schema.fields.giveName') },
        { path: ['entryPoints', 0, 'id'], message: entryPointId },
        { path: ['entryPoints', 0, 'id'], message: 'Something main said.' },
      ]),
    ).toEqual([
      { path: 'label', errors: ['Póngale un nombre.'] },
      { path: 'entryPoints.0.id', errors: ['Introduzca el id del punto de entrada.', 'Something main said.'] },
    ])
    createAppI18n('en')
    expect(groupByPath([{ path: ['entryPoints', 0, 'id'], message: entryPointId }])).toEqual([
      { path: 'entryPoints.0.id', errors: ['Enter the entry point id.'] },
    ])
    expect(issueTextNow(issueText('schema.fields.giveName'))).toBe('Give it a name.')
  })
})
