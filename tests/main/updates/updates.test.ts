import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { AppImageUpdater } from 'electron-updater'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Outbox } from '../../../electron/main/outbox/outbox'
import { createOutbox } from '../../../electron/main/outbox/outbox'
import { createLogger } from '../../../electron/main/services/logger'
import { systemClock } from '../../../electron/main/services/clock'
import { electronUpdaterPort } from '../../../electron/main/updates/electron-updater-port'
import type { FoundUpdate, SendGate, UpdaterPort } from '../../../electron/main/updates/update-keeper'
import { CHECK_EVERY_MS, createUpdateKeeper } from '../../../electron/main/updates/update-keeper'
import type { TaskIntent } from '../../../shared/schemas/intents'
import type { OutboxEntry } from '../../../shared/schemas/outbox'
import { Profile } from '../../../shared/schemas/profiles'
import type { SendOutcome } from '../../../shared/schemas/send-outcome'
import type { UpdateStatus } from '../../../shared/schemas/updates'
import { drafts } from '../../shared/fixtures'
import { memoryLog } from '../queue/memory-log'
import { appAdapter, NodeHttpExecutor, startFeed } from './local-feed'

// Updates (fleet issue, item 5): checked at start and daily, downloaded in the background, installed
// only when the agent asks and nothing is on the wire. The library's part (feed, download, sha512)
// runs for real against a local feed; quitting the app is the one thing stubbed.

const logger = createLogger(() => undefined, systemClock)
const idleGate: SendGate = { sending: () => 0, hold: () => Promise.resolve(), release: () => undefined }

/** The real electron-updater (the AppImage flavour, as on Linux) against a feed on 127.0.0.1. */
function realUpdater(feedUrl: string, install = vi.fn()) {
  const app = appAdapter('0.1.0')
  const updater = new AppImageUpdater(null, app)
  // The app's executor is Electron's net; the library's own test seam is this property.
  ;(updater as unknown as { httpExecutor: NodeHttpExecutor }).httpExecutor = new NodeHttpExecutor()
  updater.disableDifferentialDownload = true
  return { app, port: electronUpdaterPort(updater, { feedUrl, logger, install }), install }
}

function keeperWith(updater: UpdaterPort | null, sends: SendGate = idleGate) {
  const seen: UpdateStatus[] = []
  const keeper = createUpdateKeeper({ updater, sends, clock: systemClock, logger, onChange: (s) => seen.push(s) })
  return { keeper, seen, phases: () => seen.map((s) => s.phase) }
}

describe('against a local feed (electron-updater itself)', () => {
  let feed: Awaited<ReturnType<typeof startFeed>>
  const oldAppImage = process.env['APPIMAGE']
  beforeEach(() => {
    // The AppImage updater wants to know which file it replaces; nothing is replaced here.
    process.env['APPIMAGE'] = '/nonexistent/Callboard-0.1.0.AppImage'
  })
  afterEach(async () => {
    if (oldAppImage === undefined) delete process.env['APPIMAGE']
    else process.env['APPIMAGE'] = oldAppImage
    await feed?.close()
  })

  it('no update: the same version on the feed is "up to date", and nothing is downloaded', async () => {
    feed = await startFeed({ version: '0.1.0' })
    const { keeper, phases } = keeperWith(realUpdater(feed.url).port)
    await keeper.start()
    keeper.stop()
    expect(phases()).toEqual(['checking', 'up_to_date'])
    expect(feed.requests).toEqual(['/latest-linux.yml'])
  })

  it('an update: downloaded in the background, its checksum verified, then ready; nothing installs by itself', async () => {
    feed = await startFeed({ version: '0.2.0' })
    const { app, port, install } = realUpdater(feed.url)
    const { keeper, phases } = keeperWith(port)
    await keeper.start()
    keeper.stop()
    expect(phases()[0]).toBe('checking')
    expect(phases()).toContain('downloading')
    expect(keeper.status()).toEqual({ phase: 'ready', version: '0.2.0' })
    expect(feed.requests).toEqual(['/latest-linux.yml', '/Callboard-0.2.0.AppImage'])
    const pending = join(app.baseCachePath, 'callboard-updater', 'pending')
    const file = readdirSync(pending).find((name) => name.endsWith('.AppImage'))!
    expect(readFileSync(join(pending, file)).equals(feed.bytes)).toBe(true)
    expect(install).not.toHaveBeenCalled()
  })

  it('a download whose bytes do not match the feed: failed, with the reason, and nothing kept to install', async () => {
    feed = await startFeed({ version: '0.2.0', file: 'corrupt' })
    const { app, port } = realUpdater(feed.url)
    const { keeper } = keeperWith(port)
    await keeper.start()
    keeper.stop()
    expect(keeper.status()).toMatchObject({
      phase: 'failed',
      step: 'download',
      version: '0.2.0',
      detail: expect.stringMatching(/sha512/),
    })
    const pending = join(app.baseCachePath, 'callboard-updater', 'pending')
    const left = existsSync(pending) ? readdirSync(pending).filter((name) => name.endsWith('.AppImage')) : []
    expect(left).toEqual([])
    await expect(keeper.restartToUpdate()).rejects.toThrow('No update is ready to install yet.')
  })

  it('a file the feed names but does not serve: failed with the HTTP status', async () => {
    feed = await startFeed({ version: '0.2.0', file: 'missing' })
    const { keeper } = keeperWith(realUpdater(feed.url).port)
    await keeper.start()
    keeper.stop()
    expect(keeper.status()).toMatchObject({
      phase: 'failed',
      step: 'download',
      version: '0.2.0',
      detail: expect.stringMatching(/404/),
    })
  })

  it('a feed that cannot be reached: failed, "could not check"', async () => {
    feed = await startFeed({ version: '0.1.0' })
    const url = feed.url
    await feed.close()
    const { keeper } = keeperWith(realUpdater(url).port)
    await keeper.start()
    keeper.stop()
    expect(keeper.status()).toMatchObject({
      phase: 'failed',
      step: 'check',
      detail: expect.stringMatching(/ECONNREFUSED/),
    })
    feed = await startFeed({ version: '0.1.0' })
  })
})

// ——— The decisions, with a fake library and the real queue ———

function fakeUpdater(versions: (string | null)[]) {
  const checks: number[] = []
  let progress: (percent: number) => void = () => undefined
  const install = vi.fn()
  const port: UpdaterPort = {
    check: () => {
      checks.push(Date.now())
      const version = versions.shift() ?? null
      return Promise.resolve(
        version === null ? null : ({ version, downloaded: Promise.resolve() } satisfies FoundUpdate),
      )
    },
    onProgress: (listener) => void (progress = listener),
    install,
  }
  return { port, checks, install, progress: (p: number) => progress(p) }
}

describe('when it checks', () => {
  beforeEach(() => void vi.useFakeTimers())
  afterEach(() => void vi.useRealTimers())

  it('at start and then once a day; not again while an update waits to be installed', async () => {
    const fake = fakeUpdater([null, null, '0.2.0'])
    const { keeper } = keeperWith(fake.port)
    await keeper.start()
    expect(fake.checks).toHaveLength(1)
    await vi.advanceTimersByTimeAsync(CHECK_EVERY_MS - 1)
    expect(fake.checks).toHaveLength(1)
    await vi.advanceTimersByTimeAsync(1)
    expect(fake.checks).toHaveLength(2)
    await vi.advanceTimersByTimeAsync(CHECK_EVERY_MS)
    expect(keeper.status()).toEqual({ phase: 'ready', version: '0.2.0' })
    await vi.advanceTimersByTimeAsync(5 * CHECK_EVERY_MS)
    expect(fake.checks).toHaveLength(3)
    keeper.stop()
  })

  it('with no feed, never, and says why', async () => {
    const { keeper, seen } = createKeeperOff()
    await keeper.start()
    await vi.advanceTimersByTimeAsync(3 * CHECK_EVERY_MS)
    expect(seen).toEqual([{ phase: 'off', reason: 'development' }])
  })
})

function createKeeperOff() {
  const seen: UpdateStatus[] = []
  const keeper = createUpdateKeeper({
    updater: null,
    offReason: 'development',
    sends: idleGate,
    clock: systemClock,
    logger,
    onChange: (s) => seen.push(s),
  })
  return { keeper, seen }
}

const WEBEX = Profile.parse({ ...drafts.webex, id: '11111111-1111-4111-8111-111111111111' })
const outdial = (to: string): TaskIntent => ({
  kind: 'outdial',
  profileId: WEBEX.id,
  destination: to,
  entryPointId: 'EP-outbound-1',
  origin: '+14085550100',
})

/** A real outbox whose sends are answered when the test says so. */
function queueWithHeldAnswers() {
  const answers: ((outcome: SendOutcome) => void)[] = []
  const sent: string[] = []
  let ids = 0
  const outbox: Outbox = createOutbox({
    log: memoryLog(),
    clock: systemClock,
    logger,
    newId: () => `00000000-0000-4000-8000-${String(++ids).padStart(12, '0')}`,
    findProfile: (id) => (id === WEBEX.id ? WEBEX : undefined),
    send: (entry: OutboxEntry) => {
      sent.push(entry.id)
      return new Promise<SendOutcome>((resolve) => answers.push(resolve))
    },
    onChanged: () => undefined,
  })
  const gate: SendGate = { sending: outbox.sending, hold: outbox.holdSends, release: outbox.releaseSends }
  const until = async (check: () => boolean) => {
    while (!check()) await new Promise((resolve) => setImmediate(resolve))
  }
  return { outbox, gate, sent, answers, until }
}

describe('"Restart to update" and the queue', () => {
  it('waits for the request on the wire, starts no other, and installs once it is answered', async () => {
    const q = queueWithHeldAnswers()
    await q.outbox.start()
    const first = await q.outbox.submit(outdial('+14155550100'))
    await q.until(() => q.sent.length === 1)

    const fake = fakeUpdater(['0.2.0'])
    const { keeper } = keeperWith(fake.port, q.gate)
    await keeper.start()
    keeper.stop()
    const restarting = keeper.restartToUpdate()
    expect(keeper.status()).toEqual({ phase: 'waiting_for_sends', version: '0.2.0', sending: 1 })

    // Queued while waiting: kept, not started.
    const second = await q.outbox.submit(outdial('+14155550101'))
    for (let i = 0; i < 20; i++) await new Promise((resolve) => setImmediate(resolve))
    expect(q.sent).toEqual([first.id])
    expect(fake.install).not.toHaveBeenCalled()

    q.answers[0]!({ kind: 'sent', providerId: 'p-1', httpStatus: 201 })
    await restarting
    expect(fake.install).toHaveBeenCalledTimes(1)
    // The answer is in the journal before the app quits; the second task waits for the next start.
    expect(q.outbox.get(first.id)).toMatchObject({ state: 'sent' })
    expect(q.outbox.get(second.id)).toMatchObject({ state: 'queued' })
    expect(q.sent).toEqual([first.id])
  })

  it('installs at once when nothing is on the wire', async () => {
    const q = queueWithHeldAnswers()
    await q.outbox.start()
    const fake = fakeUpdater(['0.2.0'])
    const { keeper } = keeperWith(fake.port, q.gate)
    await keeper.start()
    keeper.stop()
    await keeper.restartToUpdate()
    expect(fake.install).toHaveBeenCalledTimes(1)
  })

  it('an install the library refuses: sends start again and the agent is told', async () => {
    const q = queueWithHeldAnswers()
    await q.outbox.start()
    const fake = fakeUpdater(['0.2.0'])
    fake.install.mockImplementation(() => {
      throw new Error('the installer is missing')
    })
    const { keeper } = keeperWith(fake.port, q.gate)
    await keeper.start()
    keeper.stop()
    await keeper.restartToUpdate()
    expect(keeper.status()).toMatchObject({
      phase: 'failed',
      step: 'install',
      version: '0.2.0',
      detail: 'the installer is missing',
    })
    const task = await q.outbox.submit(outdial('+14155550102'))
    await q.until(() => q.sent.length === 1)
    expect(q.sent).toEqual([task.id])
  })

  it('shows download progress in whole percents, once each', async () => {
    let finish: () => void = () => undefined
    let progress: (percent: number) => void = () => undefined
    const port: UpdaterPort = {
      check: () =>
        Promise.resolve({ version: '0.2.0', downloaded: new Promise<void>((resolve) => (finish = resolve)) }),
      onProgress: (listener) => void (progress = listener),
      install: vi.fn(),
    }
    const { keeper, seen } = keeperWith(port)
    const started = keeper.start()
    await new Promise((resolve) => setImmediate(resolve))
    for (const p of [0.5, 10.2, 10.9, 55, 100]) progress(p)
    finish()
    await started
    keeper.stop()
    expect(seen.filter((s) => s.phase === 'downloading').map((s) => s.percent)).toEqual([0, 10, 55, 100])
    expect(keeper.status()).toEqual({ phase: 'ready', version: '0.2.0' })
  })
})
