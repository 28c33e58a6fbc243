import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { toWireRequest } from '../../shared/providers/registry'
import { OutdialIntent } from '../../shared/schemas/intents'
import { Profile, type ProfileOf } from '../../shared/schemas/profiles'
import { groupByPath, toTypedSchema } from '../../renderer/src/forms/typed-schema'
import { createAppI18n } from '../../renderer/src/i18n'
import { localizeSchemaMessage } from '../../renderer/src/i18n/schema-messages'
import { drafts } from '../shared/fixtures'

// Every message the shared schemas (and the intent mapping, and the shortcut check) can put in
// front of the agent must read in Spanish too. The messages are gathered from the source, not
// listed by hand: every string or template literal that reads like a sentence (a space, a final
// full stop), wherever it sits (`error:`, `message:`, `refuse(…)`, a `return` or a constant). A
// template's `${…}` becomes sample values: the nouns the enclosing helper is called with where it
// is `what` (`Text(60, 'customer name')` → "Enter the customer name."), a few plausible strings
// for the other names below, and a number otherwise.

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
  // The shortcut's problems are message keys now (shared/i18n, checked by tests/shared/catalogues.test.ts).
]

/** Sample values for interpolations that are not numbers (keyed by the expression's source text). */
const SAMPLES: Record<string, string[]> = {
  'problem.part': ['Hyper'],
  'problem.chord': ['Ctrl+C'],
  field: ['voiceFileId'],
  'rule.condition': ['source is 1', 'hangUpSms is 1', 'toSeatType is 2'],
  key: ['text1'],
  kind: [
    'email address',
    'home phone number',
    'mobile phone number',
    'office phone number',
    'facebook id',
    'twitter id',
    'instagram id',
  ],
  attribute: ['mobile.phone'],
  param: ['searchContactOnAttribute'],
  "EgainAcceptLanguage.options.join(', ')": ['en-US, es-ES, fr-FR'],
  "issue.keys.join(', ')": ['foo, bar'],
  "given.join(', ')": ['id, loginId'],
  "MAX_NUMBER_LIST.toLocaleString('en-US')": ['200,000'],
  "MAX_NUMBER_INFO_LIST.toLocaleString('en-US')": ['100,000'],
  "list.length.toLocaleString('en-US')": ['250,000'],
  timezone: ['Europe/Madrid'],
  'secret.provider': ['webex'],
  'profile.label': ['Ventas'],
  'profile.provider': ['connect'],
  provider: ['egain'],
  needed: ['webex'],
  'what[target.kind]': ['contact flow', 'quick connect', 'task template'],
}
const NUMBER_SAMPLE = '42'

/** Messages that read the same in both languages (none so far). */
const SAME_IN_SPANISH = new Set<string>([])

type Template = { file: string; texts: string[]; exprs: string[]; helper: string | null }

const isFunctionLike = (
  node: ts.Node,
): node is ts.ArrowFunction | ts.FunctionExpression | ts.FunctionDeclaration | ts.MethodDeclaration =>
  ts.isArrowFunction(node) ||
  ts.isFunctionExpression(node) ||
  ts.isFunctionDeclaration(node) ||
  ts.isMethodDeclaration(node)

const functionName = (node: ts.Node): string | null => {
  if ((ts.isFunctionDeclaration(node) || ts.isMethodDeclaration(node)) && node.name) return node.name.getText()
  if (ts.isVariableDeclaration(node.parent)) return node.parent.name.getText()
  return null
}

const whatIndex = (fn: ts.SignatureDeclarationBase) => fn.parameters.findIndex((p) => p.name.getText() === 'what')

/** The nearest enclosing helper that takes a `what` parameter. */
function enclosingHelper(node: ts.Node): string | null {
  for (let n: ts.Node | undefined = node.parent; n; n = n.parent) {
    if (isFunctionLike(n) && whatIndex(n) >= 0) return functionName(n)
  }
  return null
}

const calleeName = (call: ts.CallExpression): string | null =>
  ts.isIdentifier(call.expression)
    ? call.expression.text
    : ts.isPropertyAccessExpression(call.expression)
      ? call.expression.name.text
      : null

function gather() {
  const templates: Template[] = []
  /** helper name → index of its `what` parameter */
  const helpers = new Map<string, number>()
  const calls: { name: string; args: readonly ts.Expression[]; inside: string | null }[] = []
  for (const path of SOURCES) {
    const file = relative(root, path)
    const source = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true)
    const visit = (node: ts.Node) => {
      if (isFunctionLike(node) && whatIndex(node) >= 0) {
        const name = functionName(node)
        if (name) helpers.set(name, whatIndex(node))
      }
      if (ts.isCallExpression(node)) {
        const name = calleeName(node)
        if (name) calls.push({ name, args: node.arguments, inside: enclosingHelper(node) })
      }
      // A programmer's error (`new RangeError(…)`) is not shown to the agent.
      const thrown =
        node.parent !== undefined && ts.isNewExpression(node.parent) && /Error$/.test(node.parent.expression.getText())
      if ((ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) && !thrown) {
        templates.push({ file, texts: [node.text], exprs: [], helper: null })
      } else if (ts.isTemplateExpression(node) && !thrown) {
        templates.push({
          file,
          texts: [node.head.text, ...node.templateSpans.map((s) => s.literal.text)],
          exprs: node.templateSpans.map((s) => s.expression.getText(source)),
          helper: enclosingHelper(node),
        })
      }
      ts.forEachChild(node, visit)
    }
    visit(source)
  }
  // The nouns each helper is called with; a helper handing its own `what` on passes its nouns along.
  const nouns = new Map<string, Set<string>>([...helpers.keys()].map((h) => [h, new Set<string>()]))
  for (let changed = true; changed;) {
    changed = false
    for (const call of calls) {
      const index = helpers.get(call.name)
      const arg = index === undefined ? undefined : call.args[index]
      if (!arg) continue
      const given =
        ts.isStringLiteral(arg) || ts.isNoSubstitutionTemplateLiteral(arg)
          ? [arg.text]
          : ts.isIdentifier(arg) && arg.text === 'what' && call.inside
            ? [...(nouns.get(call.inside) ?? [])]
            : []
      const into = nouns.get(call.name)!
      for (const noun of given) {
        if (!into.has(noun)) {
          into.add(noun)
          changed = true
        }
      }
    }
  }
  const messages = new Map<string, string>()
  for (const template of templates) {
    const choices = template.exprs.map((expr) =>
      expr === 'what' ? [...(nouns.get(template.helper ?? '') ?? [])] : (SAMPLES[expr] ?? [NUMBER_SAMPLE]),
    )
    let texts = [template.texts[0]!]
    choices.forEach((values, i) => {
      texts = texts.flatMap((text) => values.map((value) => text + value + template.texts[i + 1]!))
    })
    for (const text of texts) if (/\s/.test(text) && text.endsWith('.')) messages.set(text, template.file)
  }
  return { messages, templates: templates.filter((t) => t.exprs.length > 0).length, nouns }
}

const { messages, nouns } = gather()

describe('the Spanish catalogue of schema messages', () => {
  it('finds the messages (the scan itself still works)', () => {
    expect(messages.size).toBeGreaterThan(250)
    expect(messages.has('At most 60 characters.')).toBe(true)
    expect(messages.has('Enter the customer name.')).toBe(true)
    expect(messages.has('That entry point is not configured in this profile.')).toBe(true)
    expect(nouns.get('Filled')?.has('task name')).toBe(true)
    expect(nouns.get('RequiredText')?.has('contact flow id')).toBe(true)
  })

  it('translates every one of them', () => {
    const untranslated = [...messages]
      .filter(([message]) => !SAME_IN_SPANISH.has(message))
      .filter(([message]) => localizeSchemaMessage(message, 'es') === message)
      .map(([message, file]) => `${file}: ${message}`)
    expect(untranslated).toEqual([])
  })

  it('keeps English as it is, and returns an unknown message unchanged', () => {
    for (const message of messages.keys()) expect(localizeSchemaMessage(message, 'en')).toBe(message)
    expect(localizeSchemaMessage('Something nobody wrote.', 'es')).toBe('Something nobody wrote.')
    expect(localizeSchemaMessage('Enter the flux capacitor.', 'es')).toBe('Enter the flux capacitor.')
  })

  it('fills the numbers and names in', () => {
    expect(localizeSchemaMessage('At most 250 characters.', 'es')).toBe('Como máximo 250 caracteres.')
    expect(localizeSchemaMessage('Enter the customer name.', 'es')).toBe('Introduzca el nombre del cliente.')
    expect(localizeSchemaMessage('At most 1024 bytes (UTF-8) per value.', 'es')).toBe(
      'Como máximo 1024 bytes (UTF-8) por valor.',
    )
    expect(localizeSchemaMessage('That date has passed in Europe/Madrid.', 'es')).toBe(
      'Esa fecha ya ha pasado en Europe/Madrid.',
    )
  })

  it('translates the message inside main’s “Invalid input for …” wrapper', () => {
    expect(
      localizeSchemaMessage('Invalid input for tasks:submit: intent.customerName: At most 250 characters.', 'es'),
    ).toBe('Datos no válidos para tasks:submit: intent.customerName: Como máximo 250 caracteres.')
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

  it('translates a refusal a form adds from toWireRequest', async () => {
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

  it('translates zod’s own messages too', async () => {
    createAppI18n('es')
    const result = await toTypedSchema(z.object({ n: z.number() })).parse({ n: 'x' } as never)
    expect(result.errors[0]?.errors[0]).not.toMatch(/expected/i)
  })

  it('puts main’s issues on the fields in the UI’s language', () => {
    createAppI18n('es')
    expect(
      groupByPath([
        { path: ['label'], message: 'Give it a name.' },
        { path: ['entryPoints', 0, 'id'], message: 'Enter the entry point id.' },
        { path: ['entryPoints', 0, 'id'], message: 'Something main said.' },
      ]),
    ).toEqual([
      { path: 'label', errors: ['Póngale un nombre.'] },
      { path: 'entryPoints.0.id', errors: ['Introduzca el id del punto de entrada.', 'Something main said.'] },
    ])
    createAppI18n('en')
    expect(groupByPath([{ path: ['label'], message: 'Give it a name.' }])).toEqual([
      { path: 'label', errors: ['Give it a name.'] },
    ])
  })
})
