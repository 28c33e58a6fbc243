import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'
import { providerList } from '@shared/providers/registry'

// Issue 13, A.1: the renderer names no provider in a branch (what differs per provider is its
// module's form metadata, read through the registry), and gets no provider's types through a cast.
// The shared schemas likewise: the task intents are joined from the registry's modules.

const renderer = join(__dirname, '../../renderer/src')
/** The providers' own renderer folders (renderer/src/providers/<name>/): the one place a provider is named. */
const providersFolder = join(renderer, 'providers')
const names = providerList.map((provider) => provider.name).join('|')
const schemas = join(__dirname, '../../shared/schemas')

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return sources(path)
    return /\.(ts|vue)$/.test(entry.name) ? [path] : []
  })
}

/** The renderer's files outside the providers' own folders. */
function outsideProviders(): string[] {
  return sources(renderer).filter((path) => !path.startsWith(providersFolder))
}

/** Each file under `root` where `pattern` occurs, with how often. */
function occurrences(pattern: RegExp, root: string | readonly string[] = renderer): Record<string, number> {
  const found: Record<string, number> = {}
  const base = typeof root === 'string' ? root : renderer
  for (const path of typeof root === 'string' ? sources(root) : root) {
    const count = readFileSync(path, 'utf8').match(pattern)?.length ?? 0
    if (count > 0) found[relative(base, path)] = count
  }
  return found
}

describe('renderer source', () => {
  it('branches on no provider name', () => {
    expect(occurrences(/provider\s*[!=]==?\s*['"`]/g)).toEqual({})
  })

  it("lists no provider's components by hand: each is found in the provider's folder", () => {
    // A map entry from a provider's name to a component (`webex: WebexFields,`).
    const entry = new RegExp(`^\\s*(${names})\\s*:\\s*[A-Z]\\w*,?\\s*$`, 'gm')
    expect(occurrences(entry, outsideProviders())).toEqual({})
  })

  it("hands the task forms their profiles by task, naming no provider (the shell's)", () => {
    const named = new RegExp(`['"\`](${names})['"\`]`, 'g')
    expect(occurrences(named, join(renderer, 'features/shell'))).toEqual({})
  })

  it('gets no type through with `as never` or `as unknown as`', () => {
    expect(occurrences(/\bas never\b|\bas unknown as\b/g)).toEqual({})
  })
})

describe('shared schemas source', () => {
  it('branches on no provider name', () => {
    expect(occurrences(/provider\s*[!=]==?\s*['"`]/g, schemas)).toEqual({})
  })

  it("lists no provider's choice kinds by hand: each provider's module states its own", () => {
    // A kind is named after its provider (`'connect_contact_flows'`).
    expect(occurrences(new RegExp(`['"\`](${names})_\\w+['"\`]`, 'g'), schemas)).toEqual({})
  })

  it("borrows no provider's limits: each provider's intents state their own", () => {
    expect(occurrences(/\b[A-Z]+_\w*LIMITS\b/g, schemas)).toEqual({})
  })

  it("lists no provider's intents in a union by hand: the registry's modules state them", () => {
    expect(occurrences(/discriminatedUnion\(\s*'provider',\s*\[/g, schemas)).toEqual({})
  })
})
