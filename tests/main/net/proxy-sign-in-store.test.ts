import { describe, expect, it } from 'vitest'
import { systemClock } from '../../../electron/main/core/clock'
import { createLogger } from '../../../electron/main/core/logger'
import { proxySecrets } from '../../../electron/main/net/network'
import type { ProxyResolver } from '../../../electron/main/net/proxy-route'
import { parsePacAnswer, withEnvCredentials } from '../../../electron/main/net/proxy-route'
import { createProxySignIns, proxySignInAccount } from '../../../electron/main/net/proxy-sign-in'
import { memorySecretStore } from '../memory-secret-store'

// The proxy sign-in kept in the keychain (one entry per proxy host:port) and how the proxy
// decision uses it: only for the proxy it belongs to, never over credentials the route already has.

const PAC: Record<string, string> = {
  'https://api.webex.example/': 'PROXY proxy-a.corp:8080',
  'https://api.egain.example/': 'PROXY proxy-b.corp:3128; DIRECT',
  'https://direct.example/': 'DIRECT',
}
const pac: ProxyResolver = async (url) => parsePacAnswer(PAC[url] ?? 'DIRECT')
const href = (route: Awaited<ReturnType<ProxyResolver>>) => (route.kind === 'proxy' ? route.proxy.href : 'DIRECT')

function setup(initial: Record<string, string> = {}) {
  const lines: string[] = []
  const store = memorySecretStore(initial)
  const signIns = createProxySignIns({ secrets: store, logger: createLogger((l) => lines.push(l), systemClock) })
  return { store, signIns, lines }
}

describe('proxy sign-ins in the keychain', () => {
  it('stores one entry per proxy host:port and answers with user names only', async () => {
    const { store, signIns, lines } = setup()
    const state = await signIns.set({ proxy: 'proxy-a.corp:8080', username: 'agent-7', password: 'Pa55-proxy-word' })
    expect(state).toEqual({
      proxy: null,
      signIns: [{ proxy: 'proxy-a.corp:8080', username: 'agent-7', passwordStored: true }],
    })
    expect(JSON.parse(store.entries.get(proxySignInAccount('proxy-a.corp:8080'))!)).toEqual({
      username: 'agent-7',
      password: 'Pa55-proxy-word',
    })
    expect(JSON.stringify(state) + lines.join('\n')).not.toContain('Pa55-proxy-word')
    // Hidden by the one redaction from the moment it is known.
    expect(proxySecrets()).toContain('Pa55-proxy-word')
  })

  it('the proxy decision sends the stored sign-in to its own proxy only, and notes which proxy it used', async () => {
    const { signIns } = setup({
      [proxySignInAccount('proxy-a.corp:8080')]: JSON.stringify({ username: 'agent 7', password: 'p@ss:w/rd' }),
    })
    const resolve = signIns.withStoredSignIn(pac)
    const routed = await resolve('https://api.webex.example/')
    expect(routed.kind === 'proxy' && decodeURIComponent(routed.proxy.username)).toBe('agent 7')
    expect(routed.kind === 'proxy' && decodeURIComponent(routed.proxy.password)).toBe('p@ss:w/rd')
    // Another proxy the PAC file names has no sign-in stored: it gets none.
    expect(href(await resolve('https://api.egain.example/'))).toBe('http://proxy-b.corp:3128/')
    expect((await signIns.state()).proxy).toBe('proxy-b.corp:3128')
    expect(href(await resolve('https://direct.example/'))).toBe('DIRECT')
  })

  it('credentials the environment gives for that proxy win (the administrator set them); a default port matches', async () => {
    const { signIns } = setup({
      [proxySignInAccount('proxy-a.corp:8080')]: JSON.stringify({ username: 'stored', password: 'stored-pw' }),
      [proxySignInAccount('secure.corp:443')]: JSON.stringify({ username: 'tls-user', password: 'tls-pw' }),
    })
    const env = { HTTPS_PROXY: 'http://env-user:env-pw@proxy-a.corp:8080' }
    const resolve = signIns.withStoredSignIn(withEnvCredentials(pac, env))
    expect(href(await resolve('https://api.webex.example/'))).toBe('http://env-user:env-pw@proxy-a.corp:8080/')
    const secure = signIns.withStoredSignIn(async () => parsePacAnswer('HTTPS secure.corp'))
    expect(href(await secure('https://x.example/'))).toBe('https://tls-user:tls-pw@secure.corp/')
  })

  it('removes an entry; a locked keychain at start is read again later; damaged entries are ignored', async () => {
    const { store, signIns } = setup({
      [proxySignInAccount('proxy-a.corp:8080')]: JSON.stringify({ username: 'u', password: 'pw-123456' }),
      [proxySignInAccount('proxy-b.corp:3128')]: 'not json',
      'profile:x:secret': JSON.stringify({ username: 'not', password: 'a proxy' }),
    })
    store.setState('locked')
    expect(href(await signIns.withStoredSignIn(pac)('https://api.webex.example/'))).toBe('http://proxy-a.corp:8080/')
    await expect(signIns.clear('proxy-a.corp:8080')).rejects.toMatchObject({ code: 'keychain_locked' })
    store.setState('available')
    // Requests leave a keychain that failed alone for a minute; the window's calls read it at once.
    expect(href(await signIns.withStoredSignIn(pac)('https://api.webex.example/'))).toBe('http://proxy-a.corp:8080/')
    expect((await signIns.state()).signIns).toEqual([
      { proxy: 'proxy-a.corp:8080', username: 'u', passwordStored: true },
    ])
    expect((await signIns.clear('proxy-a.corp:8080')).signIns).toEqual([])
    expect(store.entries.has(proxySignInAccount('proxy-a.corp:8080'))).toBe(false)
    store.setState('unavailable')
    await expect(signIns.set({ proxy: 'p:1', username: 'u', password: 'p' })).rejects.toMatchObject({
      code: 'keychain_unavailable',
    })
  })
})
