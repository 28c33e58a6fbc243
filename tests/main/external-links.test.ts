import { describe, expect, it, vi } from 'vitest'
import { checkExternalUrl, createOpenExternal } from '../../electron/main/security/external-links'

/** S6: hostile links, each named for the trick it plays. */
const hostile: [string, unknown][] = [
  ['file scheme', 'file:///etc/passwd'],
  ['javascript scheme', 'javascript:alert(1)'],
  ['javascript with https text', 'javascript://developer.webex.com/%0aalert(1)'],
  ['smb share', 'smb://attacker.example/share'],
  ['custom scheme', 'ms-msdt:/id PCWDiagnostic'],
  ['callboard own scheme', 'app://callboard/index.html'],
  ['plain http to allowed host', 'http://developer.webex.com/'],
  ['data url', 'data:text/html,<script>alert(1)</script>'],
  ['allowed host as prefix of attacker domain', 'https://developer.webex.com.attacker.example/'],
  ['allowed host as subdomain of attacker', 'https://attacker.example/developer.webex.com'],
  ['mixed-case look-alike host', 'https://developer.webex.com.ATTACKER.example/'],
  ['userinfo trick', 'https://developer.webex.com@attacker.example/'],
  ['userinfo with password', 'https://user:pass@developer.webex.com/'],
  ['leading whitespace', ' https://developer.webex.com/'],
  ['trailing newline', 'https://developer.webex.com/\n'],
  ['embedded tab', 'https://developer.webex\t.com/'],
  ['zero-width space', 'https://developer\u200b.webex.com/'],
  ['backslash host confusion', 'https:\\\\attacker.example\\developer.webex.com'],
  ['protocol-relative', '//developer.webex.com/'],
  ['non-default port', 'https://developer.webex.com:8443/'],
  ['subdomain of allowed host', 'https://evil.developer.webex.com/'],
  ['IDN homograph', 'https://developer.wеbex.com/'],
  ['IP address', 'https://127.0.0.1/'],
  ['not a string', { toString: () => 'https://developer.webex.com/' }],
  ['null', null],
  ['empty', ''],
  ['very long', `https://developer.webex.com/${'a'.repeat(3000)}`],
  ['https with single slash', 'https:/developer.webex.com/'],
]

describe('external link policy (S6)', () => {
  it.each(hostile)('refuses %s', (_name, url) => {
    expect(checkExternalUrl(url).allowed).toBe(false)
  })

  it.each([
    'https://developer.webex.com/docs/api/v1/tasks',
    'https://docs.aws.amazon.com/connect/latest/APIReference/API_StartTaskContact.html',
    'HTTPS://DEVELOPER.WEBEX.COM/docs',
    'https://developer.webex.com/search?q=outdial#top',
  ])('allows %s', (url) => {
    expect(checkExternalUrl(url)).toMatchObject({ allowed: true })
  })

  it('only the helper reaches shell.openExternal, with the normalized URL', async () => {
    const shell = { openExternal: vi.fn(async () => undefined) }
    const refused: string[] = []
    const open = createOpenExternal(shell, (msg) => refused.push(msg))
    for (const [, url] of hostile) expect(await open(url)).toBe(false)
    expect(shell.openExternal).not.toHaveBeenCalled()
    expect(refused).toHaveLength(hostile.length)
    expect(await open('HTTPS://DEVELOPER.WEBEX.COM/docs')).toBe(true)
    expect(shell.openExternal).toHaveBeenCalledWith('https://developer.webex.com/docs')
  })
})
