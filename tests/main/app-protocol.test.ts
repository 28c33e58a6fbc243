import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadAppUrl, resolveAssetPath } from '../../electron/main/security/app-protocol'

const root = mkdtempSync(join(tmpdir(), 'callboard-assets-'))
mkdirSync(join(root, 'assets'))
writeFileSync(join(root, 'index.html'), '<html></html>')
writeFileSync(join(root, 'assets', 'app.js'), 'console.log(1)')
// A sibling whose name starts with the root's: a naive startsWith(root) check would let it through.
mkdirSync(`${root}-secret`)
writeFileSync(join(`${root}-secret`, 'key.txt'), 'secret')

describe('app:// asset resolution', () => {
  it.each([
    ['/', join(root, 'index.html')],
    ['/index.html', join(root, 'index.html')],
    ['/assets/app.js', join(root, 'assets', 'app.js')],
    ['/assets/./app.js', join(root, 'assets', 'app.js')],
  ])('maps %s inside the root', (path, expected) => {
    expect(resolveAssetPath(root, path)).toBe(expected)
  })

  it.each([
    ['parent directory', '/../secret'],
    ['encoded dots', '/%2e%2e/secret'],
    ['encoded slash', '/..%2fsecret'],
    ['double-encoded is a literal name, still inside', null],
    ['backslash', '/..\\secret'],
    ['encoded backslash', '/..%5csecret'],
    ['NUL byte', '/index.html%00.js'],
    ['malformed escape', '/%E0%A4%A'],
    ['sibling folder sharing the prefix', `/../${root.split('/').pop()}-secret/key.txt`],
    ['no leading slash', 'index.html'],
  ])('refuses %s', (_name, path) => {
    if (path === null) {
      expect(resolveAssetPath(root, '/%252e%252e/x')).toBe(join(root, '%2e%2e', 'x'))
      return
    }
    expect(resolveAssetPath(root, path)).toBeNull()
  })

  it('serves only app://callboard, with type and CSP headers', async () => {
    const ok = await loadAppUrl(root, 'app://callboard/assets/app.js')
    expect(ok.status).toBe(200)
    expect(ok.headers['content-type']).toContain('text/javascript')
    expect(ok.headers['content-security-policy']).toContain("script-src 'self'")
    expect(ok.headers['x-content-type-options']).toBe('nosniff')
    for (const url of ['app://other/index.html', 'https://callboard/index.html', 'app://callboard/missing.js', '::']) {
      expect((await loadAppUrl(root, url)).status, url).toBe(404)
    }
  })
})
