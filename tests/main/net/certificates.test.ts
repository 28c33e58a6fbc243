import { spawn } from 'node:child_process'
import { inEnglish } from '../../shared/in-english'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { build } from 'esbuild'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Profile, ProviderName, ProviderSecret } from '../../../shared/providers/registry'
import type { SendOutcome } from '../../../shared/schemas/send-outcome'
import { mainProviders } from '../../../electron/main/providers/registry'
import { harness, sampleIntent } from '../providers/attempt-harness'
import { startInspectingProxy } from './inspecting-proxy'
import type { ThrowawayCa } from './throwaway-ca'
import { throwawayCa } from './throwaway-ca'

// Issue #15: an inspecting proxy presents its own certificate for every provider. Where this
// computer does not trust its CA, every provider's task ends as network_blocked with the plain
// explanation, nothing sent; once the CA is in the store the app reads (the OS's: SSL_CERT_FILE
// on Linux, read by a process at its start, hence a child process) the same task is sent.
// Every provider goes through the inspecting proxy, by a name only it resolves.

const ROOT = resolve(import.meta.dirname, '../../..')
const h = harness()
let ca: ThrowawayCa
let child: string
const closers: (() => Promise<void>)[] = []

beforeAll(async () => {
  ca = throwawayCa()
  child = join(mkdtempSync(join(tmpdir(), 'callboard-tls-bin-')), 'tls-child.cjs')
  await build({
    entryPoints: [resolve(import.meta.dirname, 'tls-child.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node24',
    outfile: child,
    tsconfig: resolve(ROOT, 'tsconfig.node.json'),
    logLevel: 'error',
  })
})
afterAll(() => ca.dispose())
beforeEach(() => {
  for (const name of ['HTTP_PROXY', 'HTTPS_PROXY', 'NO_PROXY', 'ALL_PROXY']) {
    vi.stubEnv(name, '')
    vi.stubEnv(name.toLowerCase(), '')
  }
})
afterEach(async () => {
  vi.unstubAllEnvs()
  await h.cleanup()
  while (closers.length) await closers.pop()!()
})

interface Behind {
  profile: Profile
  secret: ProviderSecret
  endpoint: string | undefined
  created: () => number
  /** The HTTPS_PROXY the attempt goes through. */
  proxy: string
}

/** `name`'s sandbox simulator, reachable only over TLS signed by the throwaway CA. */
async function behindInspection<P extends ProviderName>(name: P): Promise<Behind> {
  const kit = mainProviders[name].sandbox
  const secret = kit.newSecret()
  const simulator = await kit.start(secret)
  closers.push(() => simulator.close())
  const proxy = await startInspectingProxy(ca)
  closers.push(() => proxy.close())
  const host = `${name === 'voice_broadcast' ? 'voice' : name}.sim.internal`
  // AICCS's address is a bare host:port, spoken to over HTTPS unless it is loopback; the others' are URLs.
  const [from, to] = name === 'aiccs' ? ['127.0.0.1', host] : ['http://127.0.0.1', `https://${host}`]
  const profile: Profile = JSON.parse(JSON.stringify(simulator.profile).replaceAll(from, to))
  const endpoint = simulator.endpoint?.replace(from, to)
  return { profile, secret, endpoint, created: () => simulator.created(), proxy: proxy.url }
}

/** One attempt in a child process started with `caFile` as its system store (or none). */
function attemptInChild(
  behind: Behind,
  options: { caFile: string | null; trustSystem: boolean },
): Promise<SendOutcome> {
  const env: NodeJS.ProcessEnv = { ...process.env, HTTPS_PROXY: behind.proxy, HTTP_PROXY: '', NO_PROXY: '' }
  delete env['SSL_CERT_FILE']
  delete env['NODE_EXTRA_CA_CERTS']
  if (options.caFile) env['SSL_CERT_FILE'] = options.caFile
  env['CALLBOARD_TLS_CHILD'] = JSON.stringify({ ...behind, trustSystem: options.trustSystem })
  return new Promise((done, fail) => {
    const proc = spawn(process.execPath, [child], { env, stdio: ['ignore', 'pipe', 'pipe'] })
    let out = ''
    let err = ''
    proc.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()))
    proc.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()))
    proc.on('exit', (code) => {
      const last = out.trim().split('\n').pop() ?? ''
      if (code === 0 && last) done(JSON.parse(last) as SendOutcome)
      else fail(new Error(`child exited ${code}: ${err}`))
    })
  })
}

const PROVIDERS = ['webex', 'egain', 'connect', 'voice_broadcast', 'aiccs'] as const satisfies readonly ProviderName[]

describe.each(PROVIDERS)('%s behind a TLS-inspecting network', (name) => {
  it('a certificate this computer does not trust: network_blocked with the plain explanation, nothing sent', async () => {
    const behind = await behindInspection(name)
    vi.stubEnv('HTTPS_PROXY', behind.proxy)
    const send = h.senderFor(behind.profile, behind.secret, {}, behind.endpoint)
    const outcome = await send({ taskId: 't-1', intent: sampleIntent(behind.profile), idempotencyKey: `k-${name}` })
    expect(outcome).toMatchObject({ kind: 'network_blocked', problem: 'certificate_untrusted' })
    if (outcome.kind !== 'network_blocked') return
    expect(outcome.detail).toMatch(
      /UNABLE_TO_VERIFY_LEAF_SIGNATURE|UNABLE_TO_GET_ISSUER_CERT_LOCALLY|SELF_SIGNED_CERT_IN_CHAIN/,
    )
    expect(inEnglish(outcome.message)).toMatch(/^Your network presents a certificate this computer does not trust \(/)
    expect(inEnglish(outcome.message)).toMatch(
      /IT must install its certificate in this computer's trusted certificates/,
    )
    expect(behind.created()).toBe(0)
  })

  it('sent once the CA is in the store the app reads at start', async () => {
    const behind = await behindInspection(name)
    const outcome = await attemptInChild(behind, { caFile: ca.caFile, trustSystem: true })
    expect(outcome.kind).toBe('sent')
    expect(behind.created()).toBe(1)
  })
})

// What makes the difference above, once (a child process costs a second or two).
it('refused while the app leaves the system store out, or while the CA is not in it', async () => {
  const behind = await behindInspection('voice_broadcast')
  const [notLoaded, notInstalled] = await Promise.all([
    // The CA installed, but the app does not read the system store.
    attemptInChild(behind, { caFile: ca.caFile, trustSystem: false }),
    // The app reads the system store, but the CA is not in it.
    attemptInChild(behind, { caFile: null, trustSystem: true }),
  ])
  expect(notLoaded).toMatchObject({ kind: 'network_blocked', problem: 'certificate_untrusted' })
  expect(notInstalled).toMatchObject({ kind: 'network_blocked', problem: 'certificate_untrusted' })
  expect(behind.created()).toBe(0)
})
