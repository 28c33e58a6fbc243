import { z } from 'zod'
import { describe, expect, it } from 'vitest'
import { issueMessage, isIssueText } from '../../shared/i18n/issue-message'
import { renderMessage } from '../../shared/i18n/render-message'

// zod's own issues (a schema that states no message) carry a key with the issue's values, like the
// shared schemas' own messages (shared/i18n/zod-issues.ts): rendered where they are shown, in the
// language of that moment, never zod's English frozen in when the value was checked. One case per
// code zod 4 raises: its key, its English (zod's own words) and its Spanish.

/** The first issue `schema` finds in `value`, as the message it carries. */
function issueOf(schema: z.ZodType, value: unknown) {
  const result = schema.safeParse(value)
  if (result.success) throw new Error('expected a refusal')
  const text = result.error.issues[0]!.message
  expect(isIssueText(text)).toBe(true)
  const message = issueMessage(text)
  return { key: message.key, en: renderMessage(message, 'en'), es: renderMessage(message, 'es') }
}

const cases: [string, z.ZodType, unknown, { key: string; en: string; es: string }][] = [
  [
    'invalid_type',
    z.object({ a: z.string() }),
    { a: 3 },
    {
      key: 'schema.zod.invalidType',
      en: 'Invalid input: expected string, received number',
      es: 'Valor no válido: se esperaba texto y se recibió número',
    },
  ],
  [
    'invalid_type, nothing there',
    z.object({ a: z.array(z.string()) }),
    {},
    {
      key: 'schema.zod.invalidType',
      en: 'Invalid input: expected array, received undefined',
      es: 'Valor no válido: se esperaba lista y se recibió indefinido',
    },
  ],
  [
    'invalid_value, one',
    z.literal(1),
    2,
    { key: 'schema.zod.invalidValueOne', en: 'Invalid input: expected 1', es: 'Valor no válido: se esperaba 1' },
  ],
  [
    'invalid_value, an enum',
    z.enum(['en', 'es']),
    'fr',
    {
      key: 'schema.zod.invalidValueMany',
      en: 'Invalid option: expected one of "en"|"es"',
      es: 'Opción no válida: se esperaba una de "en"|"es"',
    },
  ],
  [
    'too_big, a text',
    z.string().max(3),
    'abcd',
    {
      key: 'schema.zod.tooBig.sized.inclusive',
      en: 'Too big: expected string to have at most 3 characters',
      es: 'Demasiado grande: se esperaba que el texto tuviera como máximo 3 caracteres',
    },
  ],
  [
    'too_big, a number (written the language’s way)',
    z.number().lt(1000),
    5000,
    {
      key: 'schema.zod.tooBig.value.exclusive',
      en: 'Too big: expected number to be less than 1,000',
      es: 'Demasiado grande: se esperaba que el número fuera menor que 1000',
    },
  ],
  [
    'too_small, a list',
    z.array(z.string()).min(1),
    [],
    {
      key: 'schema.zod.tooSmall.sized.inclusive',
      en: 'Too small: expected array to have at least 1 items',
      es: 'Demasiado pequeño: se esperaba que la lista tuviera como mínimo 1 elementos',
    },
  ],
  [
    'too_small, exactly',
    z.string().length(2),
    'a',
    {
      key: 'schema.zod.tooSmall.sized.exact',
      en: 'Too small: expected string to have exactly 2 characters',
      es: 'Demasiado pequeño: se esperaba que el texto tuviera exactamente 2 caracteres',
    },
  ],
  [
    'invalid_format, a named format',
    z.url(),
    'not a url',
    { key: 'schema.zod.invalidFormat.named', en: 'Invalid URL', es: 'Formato no válido: se esperaba URL' },
  ],
  [
    'invalid_format, a prefix',
    z.string().startsWith('https://'),
    'http://x',
    {
      key: 'schema.zod.invalidFormat.startsWith',
      en: 'Invalid string: must start with "https://"',
      es: 'Texto no válido: debe empezar por "https://"',
    },
  ],
  [
    'invalid_format, a pattern',
    z.string().regex(/^\d+$/),
    'x',
    {
      key: 'schema.zod.invalidFormat.regex',
      en: 'Invalid string: must match pattern /^\\d+$/',
      es: 'Texto no válido: debe seguir el patrón /^\\d+$/',
    },
  ],
  [
    'not_multiple_of',
    z.number().multipleOf(5),
    7,
    {
      key: 'schema.zod.notMultipleOf',
      en: 'Invalid number: must be a multiple of 5',
      es: 'Número no válido: debe ser múltiplo de 5',
    },
  ],
  [
    'unrecognized_keys, one',
    z.object({}).strict(),
    { colour: 'red' },
    { key: 'schema.zod.unrecognizedKey', en: 'Unrecognized key: "colour"', es: 'Clave no reconocida: "colour"' },
  ],
  [
    'unrecognized_keys, several',
    z.object({}).strict(),
    { colour: 'red', size: 2 },
    {
      key: 'schema.zod.unrecognizedKeys',
      en: 'Unrecognized keys: "colour", "size"',
      es: 'Claves no reconocidas: "colour", "size"',
    },
  ],
  [
    'invalid_key',
    z.record(z.string().max(1), z.string()),
    { long: 'x' },
    { key: 'schema.zod.invalidKey', en: 'Invalid key in record', es: 'Clave no válida en el registro' },
  ],
  [
    'invalid_element',
    // A value under a key that is no text nor number (zod cannot name its path).
    z.map(z.object({}), z.number()),
    new Map([[{}, 'b']]),
    { key: 'schema.zod.invalidElement', en: 'Invalid value in map', es: 'Valor no válido en el mapa' },
  ],
  [
    'invalid_union, a discriminator',
    z.discriminatedUnion('kind', [z.object({ kind: z.literal('a') }), z.object({ kind: z.literal('b') })]),
    { kind: 'c' },
    {
      key: 'schema.zod.invalidDiscriminator',
      en: "Invalid discriminator value. Expected 'a' | 'b'",
      es: "Valor discriminante no válido: se esperaba 'a' | 'b'",
    },
  ],
  [
    'invalid_union',
    z.union([z.string(), z.number()]),
    true,
    { key: 'schema.zod.invalidInput', en: 'Invalid input', es: 'Valor no válido' },
  ],
  [
    'custom (a refinement that states no message)',
    z.string().refine((s) => s.length > 3),
    'ab',
    { key: 'schema.zod.invalidInput', en: 'Invalid input', es: 'Valor no válido' },
  ],
]

describe("zod's own issues in the agent's language", () => {
  it.each(cases)('%s', (_name, schema, value, wanted) => {
    expect(issueOf(schema, value)).toEqual(wanted)
  })

  it("a schema's own message still comes first", () => {
    const result = z.string({ error: 'Mine.' }).safeParse(3)
    expect(result.error?.issues[0]?.message).toBe('Mine.')
  })
})
