import { inEnglish, said } from '../../shared/in-english'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { SendOutcome } from '../../../shared/schemas/send-outcome'
import { attemptDeadline, withDeadline } from '../../../electron/main/providers/http/attempt-deadline'
import { withOneRefresh } from '../../../electron/main/providers/http/one-refresh'
import { flatten } from '../../../electron/main/providers/http/http-transport'
import type { Unanswered, UnansweredWords } from '../../../electron/main/providers/http/unanswered'
import { unansweredOutcome } from '../../../electron/main/providers/http/unanswered'

// The pieces of the HTTP seam every provider client goes through (issue #13 B), each on its own.

afterEach(() => {
  vi.useRealTimers()
})

describe('attemptDeadline', () => {
  it('aborts with a TimeoutError at its limit, not before', () => {
    vi.useFakeTimers()
    const deadline = attemptDeadline(new AbortController().signal, 300)
    vi.advanceTimersByTime(299)
    expect(deadline.signal.aborted).toBe(false)
    vi.advanceTimersByTime(1)
    expect(deadline.signal.aborted).toBe(true)
    expect(deadline.signal.reason).toMatchObject({ name: 'TimeoutError' })
    deadline.dispose()
  })

  it("follows the caller's signal, with its reason, whether aborted before or during", () => {
    const caller = new AbortController()
    const during = attemptDeadline(caller.signal, 60_000)
    caller.abort(new Error('cancelled by the agent'))
    expect(during.signal.reason).toMatchObject({ message: 'cancelled by the agent' })
    const before = attemptDeadline(caller.signal, 60_000)
    expect(before.signal.aborted).toBe(true)
    during.dispose()
    before.dispose()
  })

  it('once disposed, neither the timer nor the caller aborts it, and nothing is left holding on', () => {
    vi.useFakeTimers()
    const caller = new AbortController()
    const deadline = attemptDeadline(caller.signal, 300)
    deadline.dispose()
    expect(vi.getTimerCount()).toBe(0)
    vi.advanceTimersByTime(1000)
    caller.abort()
    expect(deadline.signal.aborted).toBe(false)
  })

  it('withDeadline disposes when the work fails too', async () => {
    vi.useFakeTimers()
    await expect(
      withDeadline(new AbortController().signal, 300, async () => {
        throw new Error('refused')
      }),
    ).rejects.toThrow('refused')
    expect(vi.getTimerCount()).toBe(0)
    await expect(withDeadline(new AbortController().signal, 300, async (signal) => signal.aborted)).resolves.toBe(false)
  })
})

describe('withOneRefresh: a 401 → exactly one token refresh, then one resend', () => {
  const outcome = (kind: 'sent' | 'needs_auth'): SendOutcome =>
    kind === 'sent'
      ? { kind: 'sent', providerId: 'p-1', httpStatus: 201 }
      : { kind: 'needs_auth', message: said('Sign in again.'), providerMessage: null }

  it.each([
    { name: 'no 401: one send, no refresh', answers: [false], refreshable: true, sends: 1, refreshes: 0 },
    {
      name: '401 then accepted: one refresh, one resend',
      answers: [true, false],
      refreshable: true,
      sends: 2,
      refreshes: 1,
    },
    { name: '401 twice: the second is final', answers: [true, true, true], refreshable: true, sends: 2, refreshes: 1 },
    {
      name: 'a token that cannot be refreshed: its 401 is final',
      answers: [true],
      refreshable: false,
      sends: 1,
      refreshes: 0,
    },
  ])('$name', async ({ answers, refreshable, sends, refreshes }) => {
    let sent = 0
    let refreshed = 0
    const result = await withOneRefresh(
      async () => {
        const unauthorized = answers[sent++]!
        return { outcome: outcome(unauthorized ? 'needs_auth' : 'sent'), unauthorized }
      },
      async () => {
        refreshed++
      },
      refreshable,
    )
    expect([sent, refreshed]).toEqual([sends, refreshes])
    expect(result.kind).toBe(answers[sends - 1] ? 'needs_auth' : 'sent')
  })
})

describe('unansweredOutcome: no answer → its class, the same for every provider (design.md §4)', () => {
  const unkeyed: UnansweredWords = {
    resendIsSafe: false,
    retry: (detail) => said(`unreachable (${inEnglish(detail)})`),
    review: (failure) =>
      said(
        failure.timedOut
          ? 'sent but no answer came back in time'
          : `sent but the connection broke before the answer (${failure.code})`,
      ),
  }
  const keyed: UnansweredWords = {
    resendIsSafe: true,
    retry: (detail, phase) => said(`${phase}: ${inEnglish(detail)}`),
  }
  const failure = (phase: Unanswered['phase'], timedOut = false): Unanswered => ({
    kind: 'network',
    phase,
    code: timedOut ? 'ETIMEDOUT' : 'ECONNRESET',
    timedOut,
  })

  it.each([
    ['nothing can have arrived: retry', failure('before_send'), unkeyed, 'retry', 'unreachable (ECONNRESET)'],
    [
      'it may have arrived, no key: the agent decides',
      failure('after_send'),
      unkeyed,
      'needs_review',
      'sent but the connection broke before the answer (ECONNRESET)',
    ],
    [
      'no answer in time, no key: the agent decides',
      failure('after_send', true),
      unkeyed,
      'needs_review',
      'sent but no answer came back in time',
    ],
    [
      'it may have arrived, a resend is recognised: retry',
      failure('after_send', true),
      keyed,
      'retry',
      'after_send: no answer in time',
    ],
  ] as const)('%s', (_name, answer, words, kind, text) => {
    const outcome = unansweredOutcome(answer, words)
    expect(outcome.kind).toBe(kind)
    expect(JSON.stringify(inEnglish(outcome))).toContain(text)
  })
})

describe("flatten: an answer's headers, one string per name", () => {
  it('joins repeated headers', () => {
    expect(flatten({ 'x-repeated': ['a', 'b'], date: 'Mon, 07 Dec 2026 12:00:00 GMT' })).toEqual({
      'x-repeated': 'a, b',
      date: 'Mon, 07 Dec 2026 12:00:00 GMT',
    })
  })
})
