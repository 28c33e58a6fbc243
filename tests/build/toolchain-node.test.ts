import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

// Issue 13 D: development, CI and the README name one Node, the one Electron embeds. Each place a
// developer's tools read it from (CI's installer, package.json's engines, nvm's .nvmrc, the README)
// says the same major version, so `nvm use` does not put a developer back on an ended Node.

const root = resolve(import.meta.dirname, '../..')
const read = (path: string) => readFileSync(resolve(root, path), 'utf8')

/** The Node major version CI installs (`.ci/run`'s NODE_VERSION). */
function ciMajor(): string {
  const version = /^NODE_VERSION=(\d+)\.\d+\.\d+$/m.exec(read('.ci/run'))?.[1]
  if (!version) throw new Error('.ci/run names no NODE_VERSION')
  return version
}

describe("the Node the toolchain names is CI's", () => {
  it('package.json engines ask for it', () => {
    const { engines } = JSON.parse(read('package.json')) as { engines: { node: string } }
    expect(engines.node).toBe(`>=${ciMajor()}`)
  })

  it('.nvmrc names it', () => {
    expect(read('.nvmrc').trim().split('.')[0]).toBe(ciMajor())
  })

  it('the README requires it', () => {
    expect(read('README.md')).toContain(`Requires Node.js ${ciMajor()}`)
  })
})
