import { afterEach, describe, expect, it, vi } from 'vitest'
import { createLogger } from '../../../electron/main/core/logger'
import { systemClock } from '../../../electron/main/core/clock'
import { proxyFor, proxySecrets, useProxyResolver } from '../../../electron/main/net/network'
import { wireNetwork } from '../../../electron/main/net/network-wiring'
import {
  bypasses,
  envProxyResolver,
  explicitProxyResolver,
  parsePacAnswer,
  systemProxyResolver,
  withEnvCredentials,
} from '../../../electron/main/net/proxy-route'
import { PolicyDocument } from '../../../shared/schemas/policy'

// The one proxy decision (issue #15): the OS's answer as Electron gives it, the environment's
// variables, the policy's proxy, and where Basic credentials come from.

const href = (route: Awaited<ReturnType<typeof proxyFor>>) => (route.kind === 'proxy' ? route.proxy.href : 'DIRECT')

afterEach(() => {
  vi.unstubAllEnvs()
  useProxyResolver(envProxyResolver)
})

describe('the OS answer (Electron session.resolveProxy, PAC and WPAD included)', () => {
  it.each([
    ['DIRECT', 'DIRECT'],
    ['PROXY proxy.corp:8080', 'http://proxy.corp:8080/'],
    ['PROXY proxy.corp:8080; DIRECT', 'http://proxy.corp:8080/'],
    ['HTTPS secure.corp:443', 'https://secure.corp/'],
    // SOCKS is not spoken: the next usable entry decides.
    ['SOCKS5 socks.corp:1080; PROXY proxy.corp:3128', 'http://proxy.corp:3128/'],
    ['SOCKS socks.corp:1080', 'DIRECT'],
    ['', 'DIRECT'],
    ['PROXY', 'DIRECT'],
  ])('%j → %s', (answer, expected) => {
    expect(href(parsePacAnswer(answer))).toBe(expected)
  })

  it('is asked per URL, and never for loopback (the sandbox simulators)', async () => {
    const asked: string[] = []
    const resolve = systemProxyResolver(async (url) => {
      asked.push(url)
      return 'PROXY proxy.corp:8080'
    })
    expect(href(await resolve('https://api.wxcc-us1.cisco.com/v1/tasks'))).toBe('http://proxy.corp:8080/')
    expect(href(await resolve('http://127.0.0.1:4000/x'))).toBe('DIRECT')
    expect(href(await resolve('http://localhost:4000/x'))).toBe('DIRECT')
    expect(href(await resolve('http://[::1]:4000/x'))).toBe('DIRECT')
    expect(asked).toEqual(['https://api.wxcc-us1.cisco.com/v1/tasks'])
  })
})

describe('the environment (harness and tests)', () => {
  it('HTTPS_PROXY for https, HTTP_PROXY for http, NO_PROXY exempts, loopback always direct', async () => {
    vi.stubEnv('HTTPS_PROXY', 'http://secure-proxy:3128')
    vi.stubEnv('HTTP_PROXY', 'http://plain-proxy:3128')
    vi.stubEnv('NO_PROXY', '.internal.example,10.0.0.1')
    expect(href(await envProxyResolver('https://api.example.com/'))).toBe('http://secure-proxy:3128/')
    expect(href(await envProxyResolver('http://api.example.com/'))).toBe('http://plain-proxy:3128/')
    expect(href(await envProxyResolver('https://crm.internal.example/'))).toBe('DIRECT')
    expect(href(await envProxyResolver('https://10.0.0.1/'))).toBe('DIRECT')
    expect(href(await envProxyResolver('http://127.0.0.1:9/'))).toBe('DIRECT')
  })

  it('nothing set: direct', async () => {
    for (const name of ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy', 'ALL_PROXY', 'all_proxy']) {
      vi.stubEnv(name, '')
    }
    expect(href(await envProxyResolver('https://api.example.com/'))).toBe('DIRECT')
  })
})

describe("the policy's proxy", () => {
  it('is validated: an address without a password, or direct', () => {
    expect(
      PolicyDocument.safeParse({ version: 1, proxy: { url: 'http://proxy.corp:8080', bypass: ['.corp'] } }).success,
    ).toBe(true)
    expect(PolicyDocument.safeParse({ version: 1, proxy: { url: 'direct' } }).success).toBe(true)
    expect(PolicyDocument.safeParse({ version: 1, proxy: { url: 'http://u:p@proxy.corp:8080' } }).success).toBe(false)
  })

  it('replaces the OS decision; its bypass list and loopback go direct; "direct" ignores every proxy', async () => {
    const resolve = explicitProxyResolver({ url: 'http://proxy.corp:8080', bypass: ['.corp.example', 'intranet:8443'] })
    expect(href(await resolve('https://api.example.com/'))).toBe('http://proxy.corp:8080/')
    expect(href(await resolve('https://crm.corp.example/'))).toBe('DIRECT')
    expect(href(await resolve('https://intranet:8443/'))).toBe('DIRECT')
    expect(href(await resolve('https://intranet/'))).toBe('http://proxy.corp:8080/')
    expect(href(await resolve('http://127.0.0.1:5/'))).toBe('DIRECT')
    expect(href(await explicitProxyResolver({ url: 'direct' })('https://api.example.com/'))).toBe('DIRECT')
  })

  it('wins over the OS when the app starts with it', async () => {
    const logger = createLogger(() => undefined, systemClock)
    wireNetwork({
      policyProxy: { url: 'http://policy-proxy:8080' },
      systemProxy: async () => ({ kind: 'proxy', proxy: new URL('http://os-proxy:3128') }),
      logger,
    })
    expect(href(await proxyFor('https://api.example.com/'))).toBe('http://policy-proxy:8080/')
    wireNetwork({
      policyProxy: undefined,
      systemProxy: async () => ({ kind: 'proxy', proxy: new URL('http://os-proxy:3128') }),
      logger,
    })
    expect(href(await proxyFor('https://api.example.com/'))).toBe('http://os-proxy:3128/')
  })

  it('bypass rules: suffix, exact host, port, and * for everything', () => {
    expect(bypasses('https://a.b.corp/', ['corp'])).toBe(true)
    expect(bypasses('https://corp/', ['.corp'])).toBe(true)
    expect(bypasses('https://notcorp/', ['corp'])).toBe(false)
    expect(bypasses('http://h:80/', ['h:80'])).toBe(true)
    expect(bypasses('https://h/', ['h:80'])).toBe(false)
    expect(bypasses('https://anything/', ['*'])).toBe(true)
    expect(bypasses('https://anything/', ['  '])).toBe(false)
  })
})

describe('proxy credentials', () => {
  it("come from the environment's proxy URL for the proxy the OS or policy names, and are secrets from then on", async () => {
    vi.stubEnv('HTTPS_PROXY', 'http://agent-7:S3cret%21pw@proxy.corp:8080')
    const resolve = withEnvCredentials(explicitProxyResolver({ url: 'http://proxy.corp:8080' }))
    const route = await resolve('https://api.example.com/')
    expect(route.kind === 'proxy' && [route.proxy.username, route.proxy.password]).toEqual(['agent-7', 'S3cret%21pw'])
    // Another proxy host gets none of them.
    const other = await withEnvCredentials(explicitProxyResolver({ url: 'http://other.corp:8080' }))(
      'https://x.example/',
    )
    expect(other.kind === 'proxy' && other.proxy.username).toBe('')
    useProxyResolver(resolve)
    await proxyFor('https://api.example.com/')
    expect(proxySecrets()).toEqual(expect.arrayContaining(['agent-7', 'S3cret!pw']))
  })
})
