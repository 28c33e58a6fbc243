// The parent side of the crash harness (Q1): the child bundle, warm spare children, a killing proxy
// in front of each simulator, the task mix, and the ledger check after restart and drain.
import { spawn, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { createServer, request as httpRequest, type IncomingMessage } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { createInterface } from 'node:readline'
import { build } from 'esbuild'
import type { ProviderSecret } from '../../../shared/schemas/credentials'
import type { TaskIntent } from '../../../shared/schemas/intents'
import type { OutboxEntry } from '../../../shared/schemas/outbox'
import type { Profile } from '../../../shared/schemas/profiles'
import type { ProviderName } from '../../../shared/schemas/providers'
import { sampleTasks } from '../../../shared/providers/registry'
import { aiccsTaskName } from '../../../electron/main/providers/aiccs/aiccs-client'
import { voiceBroadcastTaskName } from '../../../electron/main/providers/voice-broadcast/voice-broadcast-client'
import { webexTrackingId } from '../../../electron/main/providers/webex/webex-client'
import type { SandboxSecrets } from '../simulators'
import { SANDBOX_CONNECT_INSTANCE, sandboxEgainClientId, sandboxProfiles } from '../simulators'
import { startSimulator, type Simulators } from '../simulators'
import type { ChildCommand, ChildConfig } from './queue-child'

const ROOT = resolve(import.meta.dirname, '../../..')

// ——— The child program, bundled once ———

/** Bundles queue-child.ts and its imports into one CommonJS file: a start is ~0.2 s of plain node. */
export async function bundleChild(): Promise<string> {
  const out = join(mkdtempSync(join(tmpdir(), 'callboard-crash-bin-')), 'queue-child.cjs')
  await build({
    entryPoints: [resolve(import.meta.dirname, 'queue-child.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    outfile: out,
    tsconfig: resolve(ROOT, 'tsconfig.node.json'),
    // The app's bundle leaves the crash points out; this child is what they are for.
    define: { __CRASH_POINTS__: 'true' },
    logLevel: 'error',
  })
  return out
}

export interface ChildExit {
  code: number | null
  signal: NodeJS.Signals | null
}

/** One queue process. Lines from its stdout go to `onLine`; `exited` settles when it is reaped. */
export class QueueChild {
  readonly proc: ChildProcess
  readonly ready: Promise<void>
  readonly exited: Promise<ChildExit>
  readonly lines: string[] = []
  stderr = ''
  opened = false
  private listeners: ((line: string) => void)[] = []

  constructor(script: string, env: Record<string, string>) {
    this.proc = spawn(process.execPath, [script], {
      cwd: ROOT,
      // The crash point, if any, comes with `open` (ChildConfig.crash), never from this environment.
      env: { ...process.env, CALLBOARD_CRASH_AT: '', CALLBOARD_CRASH_HIT: '', ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    })
    this.proc.stdin!.on('error', () => undefined)
    this.proc.stderr!.on('data', (chunk: Buffer) => {
      if (this.stderr.length < 20_000) this.stderr += chunk.toString()
    })
    // 'close', not 'exit': the lines a child wrote just before its SIGKILL are read by then.
    this.exited = new Promise((done) => this.proc.once('close', (code, signal) => done({ code, signal })))
    let markReady: () => void = () => undefined
    this.ready = new Promise((done) => (markReady = done))
    createInterface({ input: this.proc.stdout! }).on('line', (line) => {
      this.lines.push(line)
      if (line === 'ready') markReady()
      for (const listener of this.listeners) listener(line)
    })
  }

  onLine(listener: (line: string) => void): void {
    this.listeners.push(listener)
  }

  send(line: string): void {
    if (this.proc.exitCode === null && this.proc.signalCode === null) this.proc.stdin!.write(`${line}\n`)
  }

  open(config: ChildConfig): void {
    this.opened = true
    this.send(`open ${JSON.stringify(config)}`)
  }

  submit(command: ChildCommand): void {
    this.send(`submit ${JSON.stringify(command)}`)
  }

  compact(): void {
    this.send('compact')
  }

  kill(): void {
    if (this.proc.exitCode === null && this.proc.signalCode === null) this.proc.kill('SIGKILL')
  }
}

/**
 * Warm spares: a child loads its bundle (most of its start-up, ~0.25 s of module evaluation) before
 * it is told which folder to open and where to crash, so the next children load while the current
 * one runs, and a restart after a kill costs only the journal open and recovery.
 */
export class ChildPool {
  private spares: QueueChild[] = []
  constructor(
    private readonly script: string,
    private readonly size = 2,
  ) {}

  async take(): Promise<QueueChild> {
    while (this.spares.length < this.size) this.spares.push(new QueueChild(this.script, {}))
    const child = this.spares.shift()!
    this.spares.push(new QueueChild(this.script, {}))
    await child.ready
    return child
  }

  async close(): Promise<void> {
    const spares = this.spares
    this.spares = []
    for (const spare of spares) spare.kill()
    await Promise.all(spares.map((s) => s.exited))
  }
}

// ——— The simulators and a killing proxy in front of each ———

export type Sims = { [P in ProviderName]: Simulators[P]['simulator'] }

const token = (prefix: string) => `${prefix}${randomBytes(12).toString('hex')}`

export function newSecrets(): SandboxSecrets {
  return {
    webex: {
      provider: 'webex',
      kind: 'oauth',
      clientId: token('crash-webex-client-'),
      clientSecret: token('crash-'),
      refreshToken: token('crash-rt-'),
    },
    egain: { provider: 'egain', clientSecret: token('crash-') },
    connect: {
      provider: 'connect',
      accessKeyId: `AKIACRASH${randomBytes(6).toString('hex').toUpperCase()}`,
      secretAccessKey: token('crash-'),
      sessionToken: '',
    },
    aiccs: {
      provider: 'aiccs',
      accessKeyId: `LTAIcrash${randomBytes(6).toString('hex')}`,
      accessKeySecret: token('crash-'),
    },
    voice_broadcast: { provider: 'voice_broadcast', apiKey: token('crash-key-'), apiSecret: token('crash-') },
  }
}

/** The five simulators, without rate limits (the harness is about crashes, not about 429s). */
export async function startSims(secrets: SandboxSecrets): Promise<Sims> {
  return {
    webex: await startSimulator('webex', { ...secrets.webex, rateLimit: null, rotateRefreshToken: false }),
    egain: await startSimulator('egain', {
      clientId: sandboxEgainClientId,
      clientSecret: secrets.egain.clientSecret,
      rateLimit: null,
    }),
    connect: await startSimulator('connect', {
      accessKeyId: secrets.connect.accessKeyId,
      secretAccessKey: secrets.connect.secretAccessKey,
      region: 'us-east-1',
      instances: [{ id: SANDBOX_CONNECT_INSTANCE, alias: 'callboard-crash' }],
      rateLimit: null,
    }),
    aiccs: await startSimulator('aiccs', { ...secrets.aiccs, rateLimit: null }),
    voice_broadcast: await startSimulator('voice_broadcast', { ...secrets.voice_broadcast, rateLimit: null }),
  }
}

/** What the proxy does with a request whose body has fully arrived. */
export type ProxyAction = 'pass' | 'kill-then-forward' | 'kill-then-drop'
export type ProxyHook = (request: {
  provider: ProviderName
  method: string
  path: string
  creates: boolean
}) => ProxyAction

/** Token requests obtain access, every other request the clients make creates a task. */
const isTokenPath = (path: string) => path.includes('access_token') || path.includes('oauth2/token')

interface Proxy {
  url: string
  close(): Promise<void>
}

/**
 * A loopback HTTP forwarder. It reads each request body in full before deciding, so "kill" happens
 * exactly when the request bytes are in (the child's ambiguous moment), and then either forwards
 * them (the provider acts on a request whose sender is gone) or drops them (it never arrives).
 */
async function startProxy(provider: ProviderName, target: string, hook: () => ProxyHook): Promise<Proxy> {
  const to = new URL(target)
  const server = createServer((req: IncomingMessage, res) => {
    req.on('error', () => undefined)
    res.on('error', () => undefined)
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      const path = req.url ?? '/'
      const action = hook()({ provider, method: req.method ?? 'GET', path, creates: !isTokenPath(path) })
      if (action === 'kill-then-drop') {
        res.destroy()
        return
      }
      const upstream = httpRequest(
        { host: to.hostname, port: to.port, method: req.method, path, headers: req.headers },
        (answer) => {
          answer.on('error', () => undefined)
          if (res.destroyed) {
            answer.resume()
            return
          }
          res.writeHead(answer.statusCode ?? 502, answer.headers)
          answer.pipe(res)
        },
      )
      upstream.on('error', () => res.destroy())
      upstream.end(Buffer.concat(chunks))
    })
  })
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      server.closeAllConnections()
      await new Promise<void>((done) => server.close(() => done()))
    },
  }
}

/** One set of proxies and the profiles pointing at them: what one sequence of children talks to. */
export interface Route {
  profiles: { [P in ProviderName]: Profile & { provider: P } }
  connectEndpoint: string
  /** Replaced per round: decides about each request the current child makes. */
  hook: ProxyHook
  close(): Promise<void>
}

export async function startRoute(sims: Sims, secrets: SandboxSecrets): Promise<Route> {
  const route = {
    hook: (() => 'pass') as ProxyHook,
  } as Route
  const proxy = (provider: ProviderName, url: string) => startProxy(provider, url, () => route.hook)
  const proxies = {
    webex: await proxy('webex', sims.webex.url),
    egain: await proxy('egain', sims.egain.url),
    connect: await proxy('connect', sims.connect.url),
    aiccs: await proxy('aiccs', sims.aiccs.url),
    voice_broadcast: await proxy('voice_broadcast', sims.voice_broadcast.url),
  }
  const egainToken = new URL(sims.egain.tokenUrl)
  route.profiles = sandboxProfiles(
    {
      webex: {
        url: proxies.webex.url,
        identityUrl: `${proxies.webex.url}${new URL(sims.webex.identityUrl).pathname}`,
        orgId: sims.webex.orgId,
      },
      egain: { url: proxies.egain.url, tokenUrl: `${proxies.egain.url}${egainToken.pathname}${egainToken.search}` },
      aiccs: { host: new URL(proxies.aiccs.url).host },
      voice_broadcast: { url: proxies.voice_broadcast.url },
    },
    secrets,
  )
  route.connectEndpoint = proxies.connect.url
  route.close = async () => {
    await Promise.all(Object.values(proxies).map((p) => p.close()))
  }
  return route
}

export function childConfig(
  route: Route,
  secrets: SandboxSecrets,
  dir: string,
  mode: ChildConfig['mode'],
): ChildConfig {
  const profiles = Object.values(route.profiles)
  return {
    mode,
    dir,
    profiles,
    secrets: Object.fromEntries(profiles.map((p) => [p.id, secrets[p.provider] as ProviderSecret])),
    connectEndpoint: route.connectEndpoint,
    compactMinBytes: 4096,
    drainTimeoutMs: 120_000,
  }
}

// ——— The tasks ———

export type Variant = 'webex-outdial' | 'webex-callback' | 'egain' | 'connect' | 'aiccs' | 'voice_broadcast'
export const KEYLESS: Variant[] = ['webex-outdial', 'webex-callback', 'egain']
export const KEYED: Variant[] = ['connect', 'aiccs', 'voice_broadcast']
export const ALL_VARIANTS: Variant[] = [...KEYLESS, ...KEYED]

let serial = 0

/**
 * A task for one variant, unique in everything that scopes it (number, customer, name), so an entry
 * waiting in needs_review never holds another behind it. The tag (`T<n>y`, terminated so T1y is not
 * a prefix of T10y) is in the text the provider stores, for the providers without a key.
 */
export function makeTask(route: Route, variant: Variant): ChildCommand {
  const n = ++serial
  const tag = `T${n}y`
  const number = `+1415555${String(n % 10_000).padStart(4, '0')}`
  const now = new Date()
  const sample = (provider: ProviderName, id: string): TaskIntent => {
    const found = sampleTasks(route.profiles[provider], now, 'Europe/Madrid').find((s) => s.id === id)
    if (!found) throw new Error(`no sample ${id} for ${provider}`)
    return found.intent
  }
  let intent: TaskIntent
  switch (variant) {
    case 'webex-outdial':
      intent = { ...(sample('webex', 'outdial') as Extract<TaskIntent, { kind: 'outdial' }>), destination: number }
      break
    case 'webex-callback':
      intent = {
        ...(sample('webex', 'callback-now') as Extract<TaskIntent, { kind: 'callback'; provider: 'webex' }>),
        destination: number,
        customerName: `Crash ${tag}`,
      }
      break
    case 'egain': {
      const base = sample('egain', 'follow-up') as Extract<TaskIntent, { kind: 'followUp'; provider: 'egain' }>
      intent = {
        ...base,
        subject: `Crash ${tag}`,
        lookup: { attribute: base.lookup.attribute, value: `c${n}@example.com` },
      }
      break
    }
    case 'connect':
      intent = {
        ...(sample('connect', 'follow-up') as Extract<TaskIntent, { kind: 'followUp'; provider: 'connect' }>),
        name: `Crash ${tag}`,
      }
      break
    case 'aiccs':
      intent = {
        ...(sample('aiccs', 'broadcast') as Extract<TaskIntent, { kind: 'broadcast'; provider: 'aiccs' }>),
        taskName: `Crash ${tag}`,
      }
      break
    case 'voice_broadcast':
      intent = {
        ...(sample('voice_broadcast', 'broadcast') as Extract<
          TaskIntent,
          { kind: 'broadcast'; provider: 'voice_broadcast' }
        >),
        taskName: `Crash ${tag}`,
      }
      break
  }
  return { tag, intent }
}

// ——— After the drain: the journal against the simulators' ledgers ———

/** How many times the provider created this entry's task. */
export function effectsFor(sims: Sims, entry: OutboxEntry): number {
  const intent = entry.intent
  switch (entry.provider) {
    case 'connect':
      return sims.connect.effects.get(entry.idempotencyKey) ?? 0
    case 'aiccs': {
      const name = aiccsTaskName(entry.idempotencyKey, 'taskName' in intent ? intent.taskName : undefined)
      return name === null ? 0 : sims.aiccs.effects(name)
    }
    case 'voice_broadcast':
      return (
        sims.voice_broadcast.effects.get(
          voiceBroadcastTaskName('taskName' in intent ? intent.taskName : '', entry.idempotencyKey),
        ) ?? 0
      )
    case 'webex': {
      const tracking = webexTrackingId(entry.idempotencyKey)
      return [...sims.webex.tasks, ...sims.webex.callbacks].filter((t) => t.trackingId === tracking).length
    }
    case 'egain': {
      const subject = 'subject' in intent ? intent.subject : undefined
      return sims.egain.activities.filter(
        (a) => subject !== undefined && JSON.stringify(a.body).includes(`"${subject}"`),
      ).length
    }
  }
}

/** Tasks the providers hold in all (to find effects no journal entry accounts for). */
export function totalEffects(sims: Sims): number {
  return (
    sims.webex.tasks.length +
    sims.webex.callbacks.length +
    sims.egain.activities.length +
    sims.connect.tasks.length +
    sims.aiccs.tasks.length +
    sims.voice_broadcast.tasks.length
  )
}

/**
 * Which providers recognise a resend, written here from their documents rather than read from the
 * code under test (outbox-state's resendIsSafe), so a wrong answer there fails the harness: Amazon
 * Connect's ClientToken, and the task names AICCS and the voice platform refuse to take twice.
 * Webex and eGain have no such key.
 */
const KEYED_PROVIDERS: ReadonlySet<ProviderName> = new Set(['connect', 'aiccs', 'voice_broadcast'])
export const isKeyed = (provider: ProviderName) => KEYED_PROVIDERS.has(provider)

/** Every file under `dir`, as text (journal, temp files, quarantined copies, locks). */
export function filesUnder(dir: string): { path: string; text: string }[] {
  const out: { path: string; text: string }[] = []
  for (const name of readdirSync(dir)) {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) out.push(...filesUnder(path))
    else out.push({ path, text: readFileSync(path, 'latin1') })
  }
  return out
}

/** Every seeded credential value (key ids included: none belongs in the journal); blanks skipped. */
export function secretValues(secrets: SandboxSecrets): string[] {
  const values: string[] = []
  for (const secret of Object.values(secrets)) {
    for (const [key, value] of Object.entries(secret)) {
      if (key === 'provider' || key === 'kind' || typeof value !== 'string' || value.length < 8) continue
      values.push(value)
    }
  }
  return values
}
