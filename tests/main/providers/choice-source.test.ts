import { describe, expect, it } from 'vitest'
import { collectPages } from '../../../electron/main/providers/choice-source'
import { CHOICES_MAX } from '../../../shared/schemas/choices'

// Following a provider's pages: to the last, no further than CHOICES_MAX choices, and not forever.

const page = (from: number, n: number) => Array.from({ length: n }, (_, i) => ({ value: `id-${from + i}`, name: '' }))

describe('collectPages', () => {
  it('follows the token to the last page', async () => {
    const tokens: (number | undefined)[] = []
    const listed = await collectPages<number>(async (token) => {
      tokens.push(token)
      const at = token ?? 0
      return { choices: page(at * 3, 3), next: at < 2 ? at + 1 : undefined }
    })
    expect(tokens).toEqual([undefined, 1, 2])
    expect(listed).toEqual({ choices: page(0, 9), truncated: false })
  })

  it(`stops at ${CHOICES_MAX} choices and says the list was cut`, async () => {
    let asked = 0
    const listed = await collectPages<number>(async (token) => {
      asked++
      return { choices: page((token ?? 0) * 1000, 1000), next: (token ?? 0) + 1 }
    })
    expect(listed.truncated).toBe(true)
    expect(listed.choices).toHaveLength(CHOICES_MAX)
    expect(asked).toBe(Math.ceil((CHOICES_MAX + 1) / 1000))
  })

  it('a token that never ends is followed 100 pages, then the list is taken as cut', async () => {
    let asked = 0
    const listed = await collectPages<string>(async () => {
      asked++
      return { choices: [], next: 'again' }
    })
    expect(asked).toBe(100)
    expect(listed).toEqual({ choices: [], truncated: true })
  })
})
