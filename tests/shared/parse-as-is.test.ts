import fc from 'fast-check'
import { z } from 'zod'
import { describe, expect, it } from 'vitest'
import { acceptsAsIs, parseAsIs } from '../../shared/schemas/parse-as-is'
import { Message, StoredMessage } from '../../shared/i18n/message'
import type { ProviderName } from '../../shared/schemas/providers'
import { SubmitTask } from '../../shared/schemas/tasks'
import type { WireRequestOf } from '../../shared/providers/registry'
import { toWireRequest } from '../../shared/providers/registry'
import { AiccsCreateAiCallTask } from '../../shared/providers/aiccs/wire'
import { ConnectStartTaskContactInput } from '../../shared/providers/connect/wire'
import { VoiceBroadcastSend } from '../../shared/providers/voice-broadcast/wire'
import { WebexCreateTaskRequest, WebexScheduleCallbackRequest } from '../../shared/providers/webex/wire'
import { intents, PROFILES } from './intent-arbitraries'

// parseAsIs answers a parse itself only when zod would return the value unchanged, and asks zod
// otherwise. These hold that against zod: the same success, the same output, the same issues, on
// arbitrary values for schemas of every kind the walk knows (and some it must leave to zod), and on
// every provider's intents, valid and broken, as tasks:submit receives them.

/** parseAsIs and zod agree on `value`; when the walk accepts, zod returns the value itself. */
function agrees(schema: z.ZodType, value: unknown) {
  const slow = schema.safeParse(value)
  const fast = parseAsIs(schema, value)
  expect(fast.success).toBe(slow.success)
  if (fast.success && slow.success) expect(fast.data).toStrictEqual(slow.data)
  if (!fast.success && !slow.success) expect(fast.error.issues).toStrictEqual(slow.error.issues)
  if (acceptsAsIs(schema, value)) {
    expect(slow.success).toBe(true)
    expect(slow.data).toStrictEqual(value)
  }
}

// ——— Values near every rule of the schemas below ———

const KEYS = ['a', 'b', 'c', 'k', 'v', 'n', 'key', 'params', 'kids', 'x', '__proto__', '1']
const leafValue = fc.oneof(
  fc.constantFrom(undefined, null, true, false, 0, 1, 2, 1.5, -3, Number.NaN, Infinity),
  fc.constantFrom('', 'a', 'ab', ' ab ', 'abcd', 'x', 'y', '1', 'Z', 'k.ey', 'x'.repeat(201)),
  fc.string({ maxLength: 5 }),
  fc.integer(),
)
const value = fc.letrec((tie) => ({
  any: fc.oneof({ depthSize: 'small' }, leafValue, tie('object'), tie('array')),
  // Object.fromEntries makes an own `__proto__` key, as JSON.parse and structured clone do.
  object: fc
    .array(fc.tuple(fc.constantFrom(...KEYS), tie('any')), { maxLength: 5 })
    .map((entries) => Object.fromEntries(entries)),
  array: fc.array(tie('any'), { maxLength: 4 }),
})).any

const Tree: z.ZodType<{ v: number; kids?: unknown[] }> = z.object({
  v: z.number(),
  kids: z.array(z.lazy(() => Tree)).optional(),
})

const schemas: Record<string, z.ZodType> = {
  stripped: z.object({ a: z.string().min(2), b: z.number().int().optional(), c: z.string().trim().nullable() }),
  strict: z.object({ a: z.string().max(3), b: z.boolean().optional() }).strict(),
  loose: z.object({ a: z.string() }).loose(),
  catchall: z.object({ a: z.string() }).catchall(z.number()),
  defaults: z.object({ a: z.string().default('d'), b: z.coerce.number().optional() }),
  caught: z.object({ a: z.string().catch('c') }),
  readonly: z.object({ a: z.string() }).readonly(),
  refined: z.object({ n: z.number() }).refine((o) => o.n > 1, 'small'),
  discriminated: z.discriminatedUnion('k', [
    z.object({ k: z.literal('x'), v: z.string() }),
    z.object({ k: z.literal('y'), v: z.number() }).strict(),
  ]),
  transformFirst: z.union([z.string().transform((s) => s.length), z.number()]),
  identityTransform: z.union([z.number(), z.string().transform((s) => s)]),
  unionOfObjects: z.union([z.object({ a: z.string() }).strict(), z.object({ a: z.number(), b: z.string() })]),
  exclusive: z.xor([z.string(), z.string().min(2)]),
  array: z.array(z.string().max(3)).min(1),
  record: z.record(z.string().regex(/^[a-z]+$/), z.number()),
  numericKeys: z.record(z.number(), z.string()),
  enumRecord: z.record(z.enum(['a', 'b']), z.number()),
  preprocessed: z.preprocess((v) => (typeof v === 'string' ? v.toUpperCase() : v), z.string()),
  tree: Tree,
  message: Message,
  storedMessage: StoredMessage,
  optionalDefault: z.object({ a: z.string().default('d').optional() }),
  nullableArray: z.array(z.number().nullable()),
}

describe('parseAsIs agrees with zod', () => {
  for (const [name, schema] of Object.entries(schemas)) {
    it(`on arbitrary values: ${name}`, () => {
      fc.assert(
        fc.property(value, (v) => agrees(schema, v)),
        { numRuns: 400 },
      )
    })
  }

  it('on messages with nested parameters, and cyclic values', () => {
    agrees(Message, { key: 'a.b', params: { n: 1, inner: { key: 'c', params: { s: 'x' } } } })
    agrees(Message, { key: 'a.b', params: Object.fromEntries([['__proto__', 'x']]) })
    const cyclic: Record<string, unknown> = { v: 1 }
    cyclic.kids = [cyclic]
    expect(acceptsAsIs(Tree, cyclic)).toBe(false)
  })
})

// ——— Every provider's intents, as tasks:submit receives them ———

/** An intent broken one way: a field dropped, replaced, or one added. */
function broken(intent: fc.Arbitrary<unknown>) {
  return fc
    .tuple(intent, fc.nat(), fc.oneof(value, fc.anything()), fc.constantFrom('drop', 'replace', 'add'))
    .map(([raw, which, replacement, how]) => {
      const copy = { ...(raw as Record<string, unknown>) }
      const keys = Object.keys(copy)
      const key = keys[which % keys.length]!
      if (how === 'drop') delete copy[key]
      else if (how === 'replace') copy[key] = replacement
      else copy[`extra${which % 3}`] = replacement
      return copy
    })
}

describe('tasks:submit input', () => {
  for (const provider of Object.keys(intents) as ProviderName[]) {
    it(`agrees with zod on ${provider} intents, valid and broken`, () => {
      fc.assert(
        fc.property(fc.oneof(intents[provider], broken(intents[provider])), (intent) => {
          agrees(SubmitTask, { intent })
        }),
        { numRuns: 60 },
      )
    })

    it(`passes a valid ${provider} intent on as it came, and builds the same wire request`, () => {
      fc.assert(
        fc.property(intents[provider], (intent) => {
          const input = { intent }
          // The arbitraries make some numbers that cannot be dialled (tasks:submit refuses them).
          fc.pre(SubmitTask.safeParse(input).success)
          const parsed = parseAsIs(SubmitTask, input)
          expect(parsed.success).toBe(true)
          if (!parsed.success) return
          // The walk answers for these intents itself (no default or transform changes them).
          expect(parsed.data).toBe(input)
          const now = new Date()
          const fromZod = SubmitTask.parse(input).intent
          expect(toWireRequest(parsed.data.intent, PROFILES[provider], now)).toStrictEqual(
            toWireRequest(fromZod, PROFILES[provider], now),
          )
        }),
        { numRuns: 20 },
      )
    })
  }
})

// ——— Every provider's wire requests, as to-wire checks them before a task is queued ———

/** The schema each provider's built request is checked against (its to-wire.ts), and the request. */
const checkedPart: { [P in ProviderName]: (payload: WireRequestOf<P>['payload']) => [z.ZodType, unknown] } = {
  webex: (payload) =>
    payload.kind === 'task' ? [WebexCreateTaskRequest, payload.body] : [WebexScheduleCallbackRequest, payload.body],
  connect: (payload) => [ConnectStartTaskContactInput, payload],
  aiccs: (payload) => [AiccsCreateAiCallTask, payload],
  voice_broadcast: (payload) => [VoiceBroadcastSend, payload],
  // eGain's request is built without a wire schema of its own.
  egain: (payload) => [z.unknown(), payload],
}
const wireChecked = <P extends ProviderName>(wire: WireRequestOf<P>) => checkedPart[wire.provider](wire.payload)

describe('wire requests', () => {
  for (const provider of Object.keys(intents) as ProviderName[]) {
    it(`agree with zod on ${provider} requests, as built and broken`, () => {
      const requests = intents[provider]
        .filter((intent) => SubmitTask.safeParse({ intent }).success)
        .map((intent) => {
          const wire = toWireRequest(SubmitTask.parse({ intent }).intent, PROFILES[provider], new Date())
          if ('error' in wire) throw new Error(`${provider}: ${wire.error.message}`)
          return wireChecked(wire)
        })
      fc.assert(
        fc.property(
          requests,
          fc.boolean(),
          fc.nat(),
          fc.oneof(value, fc.anything()),
          ([schema, body], mutate, n, v) => {
            if (!mutate || typeof body !== 'object' || body === null) return agrees(schema, body)
            const copy = { ...(body as Record<string, unknown>) }
            const keys = Object.keys(copy)
            copy[keys[n % keys.length]!] = v
            agrees(schema, copy)
          },
        ),
        { numRuns: 30 },
      )
    })
  }
})
