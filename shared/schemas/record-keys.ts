import { z } from 'zod'

/**
 * The key a record field refuses. zod's record skips an own `__proto__` key without a word (writing
 * it into a plain object would replace the object's prototype instead), so `{"__proto__": …}` in
 * References passed as if it had never been sent. `constructor` and `prototype` are not refused:
 * zod keeps them as ordinary own keys, they reach the provider as the names they are, and nothing
 * Callboard does with a record (Object.entries, spreading into a new object) treats them specially.
 */
const REFUSED_KEY = '__proto__'

/**
 * A record schema that refuses `__proto__` with an error on that key's path. Every record-like
 * field (References, attributes, SIP headers, segment attributes) is built through this.
 *
 * Checked on the input, before the record sees it (the record's output no longer has the key). A
 * record holding `__proto__` reports only that until it is removed: it is never typed by an agent.
 */
export function refusingProtoKey<S extends z.ZodType<Record<string, unknown>>>(record: S) {
  return z.preprocess((input: z.input<S>, ctx) => {
    if (typeof input === 'object' && input !== null && Object.hasOwn(input, REFUSED_KEY)) {
      ctx.addIssue({ code: 'custom', path: [REFUSED_KEY], message: 'The name __proto__ cannot be used here.', input })
    }
    return input
  }, record)
}
