import { describe, expect, it } from 'vitest'
import { said } from '../shared/in-english'
import { msg } from '../../shared/i18n/message'
import {
  redactError,
  redactMaybe,
  redactOutcome,
  redactSecrets,
  secretForms,
  secretLeaves,
} from '../../electron/main/secrets/redact-secrets'

// The one redaction: every spelling a request can give a secret, written out here by hand (not with
// the module's own helpers), must come out as [redacted].

const SECRET = 'p@ss wörd+/="x"\\&'
const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64')

describe('redactSecrets', () => {
  it.each([
    ['raw', SECRET],
    ['percent, upper hex', 'p%40ss%20w%C3%B6rd%2B%2F%3D%22x%22%5C%26'],
    ['percent, lower hex', 'p%40ss%20w%c3%b6rd%2b%2f%3d%22x%22%5c%26'],
    ['form-encoded', 'p%40ss+w%C3%B6rd%2B%2F%3D%22x%22%5C%26'],
    ['form-encoded, lower hex', 'p%40ss+w%c3%b6rd%2b%2f%3d%22x%22%5c%26'],
    ['JSON-escaped', 'p@ss wörd+/=\\"x\\"\\\\&'],
    ['JSON-escaped twice', 'p@ss wörd+/=\\\\\\"x\\\\\\"\\\\\\\\&'],
    ['JSON-escaped, ASCII only', 'p@ss w\\u00f6rd+/=\\"x\\"\\\\&'],
    ['HTML-escaped', 'p@ss wörd+/=&quot;x&quot;\\&amp;'],
    ['base64', b64(SECRET)],
    ['base64url', b64(SECRET).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')],
  ])('hides the %s form', (_form, spelled) => {
    const text = `before ${spelled} after`
    expect(redactSecrets(text, [SECRET])).toBe('before [redacted] after')
  })

  it.each([
    ['a Basic id:secret pair', `Basic ${b64(`client-id:${SECRET}`)}`],
    ['a Basic pair, URL-safe', b64(`client:${SECRET}`).replace(/\+/g, '-').replace(/\//g, '_')],
    ['an encoded JSON document', b64(JSON.stringify({ a: 1, secret: SECRET, b: 'tail' }))],
    ['an encoded form', b64(`x=${SECRET}&y=z`)],
  ])('hides the secret inside %s (at any byte offset)', (_what, text) => {
    const out = redactSecrets(text, [SECRET])
    expect(out).toContain('[redacted]')
    // All but the one or two characters at each edge that also carry a neighbour's bits.
    const encodedChars = Math.floor((Buffer.byteLength(SECRET) * 8) / 6)
    expect(text.length - (out.length - '[redacted]'.length)).toBeGreaterThanOrEqual(encodedChars - 2)
  })

  it('hides a secret a capped body cut off partway', () => {
    const body = `{"echo":"Authorization: Bearer ${SECRET}`.slice(0, -5)
    expect(redactSecrets(body, [SECRET])).toBe('{"echo":"Authorization: Bearer [redacted]')
  })

  it('hides the longest form first, so no part of one is left', () => {
    expect(redactSecrets('abcdefgh and abcdefghijkl', ['abcdefgh', 'abcdefghijkl'])).toBe('[redacted] and [redacted]')
  })

  it('leaves values too short to tell from ordinary words, and texts without secrets, alone', () => {
    expect(secretForms('abc12')).toEqual([])
    expect(redactSecrets('abc12 is here', ['abc12'])).toBe('abc12 is here')
    expect(redactSecrets('nothing to see', [SECRET])).toBe('nothing to see')
  })

  it('redactMaybe keeps an absent text absent', () => {
    expect(redactMaybe(null, [SECRET])).toBeNull()
    expect(redactMaybe(undefined, [SECRET])).toBeNull()
    expect(redactMaybe(`x ${SECRET}`, [SECRET])).toBe('x [redacted]')
  })
})

describe('redactOutcome', () => {
  it('cleans the provider words of every outcome that carries them, and leaves the others as they are', () => {
    const sent = { kind: 'sent', providerId: 'id-1', httpStatus: 201 } as const
    expect(redactOutcome(sent, [SECRET])).toBe(sent)
    expect(
      redactOutcome({ kind: 'retry', delayMs: null, reason: said(`r ${SECRET}`), httpStatus: 503 }, [SECRET]),
    ).toEqual({
      kind: 'retry',
      delayMs: null,
      reason: said('r [redacted]'),
      httpStatus: 503,
    })
    expect(
      redactOutcome(
        {
          kind: 'needs_auth',
          message: msg('sendOutcome.local.notSent', { why: msg('asIs', { text: `m ${SECRET}` }) }),
          providerMessage: `p ${SECRET}`,
        },
        [SECRET],
      ),
    ).toEqual({
      kind: 'needs_auth',
      message: msg('sendOutcome.local.notSent', { why: msg('asIs', { text: 'm [redacted]' }) }),
      providerMessage: 'p [redacted]',
    })
    expect(redactOutcome({ kind: 'needs_review', message: said('m'), providerMessage: null }, [SECRET])).toEqual({
      kind: 'needs_review',
      message: said('m'),
      providerMessage: null,
    })
  })
})

describe('redactError', () => {
  it('keeps the name and hides the secret in the message and stack', () => {
    const error = new TypeError(`bad ${SECRET}`)
    const safe = redactError(error, [SECRET])
    expect(safe.name).toBe('TypeError')
    expect(safe.message).toBe('bad [redacted]')
    expect(safe.stack).not.toContain(SECRET)
    expect(redactError(`thrown ${SECRET}`, [SECRET]).message).toBe('thrown [redacted]')
  })
})

describe('secretLeaves', () => {
  it('takes every string of a stored record but the descriptive ones, and a plain value whole', () => {
    const stored = JSON.stringify({ provider: 'egain', clientSecret: 'cs-123456', nested: ['rt-123456'] })
    expect(secretLeaves(stored)).toEqual([stored, 'cs-123456', 'rt-123456'])
    expect(secretLeaves('plain-secret')).toEqual(['plain-secret'])
  })
})
