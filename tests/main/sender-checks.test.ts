import { describe, expect, it, vi } from 'vitest'
import { registerIpc } from '../../electron/main/ipc/register-ipc'
import type { IpcMainLike } from '../../electron/main/ipc/register-ipc'
import { checkSender } from '../../electron/main/security/trusted-sender'
import { createLogger } from '../../electron/main/core/logger'
import { systemClock } from '../../electron/main/core/clock'
import { invokeChannels } from '../../shared/ipc/channels'
import type { Result } from '../../shared/ipc/result'
import { issueMessage } from '../../shared/i18n/issue-message'
import { msg } from '../../shared/i18n/message'
import { renderMessage } from '../../shared/i18n/render-message'

const APP = 'app://callboard'
const top = (url: string) => ({ url, parent: null, isDestroyed: () => false })

/** S3: forged IPC events, each named for what it tries. */
const forged: [string, unknown][] = [
  ['null frame', { senderFrame: null }],
  ['missing frame', {}],
  ['destroyed frame', { senderFrame: { ...top('app://callboard/index.html'), isDestroyed: () => true } }],
  ['detached frame', { senderFrame: { ...top('app://callboard/index.html'), detached: true } }],
  [
    'disposed frame whose getters throw',
    {
      senderFrame: {
        get url(): string {
          throw new Error('Render frame was disposed before WebFrameMain could be accessed')
        },
        parent: null,
      },
    },
  ],
  [
    'subframe at our own origin',
    { senderFrame: { url: 'app://callboard/index.html', parent: top('app://callboard/') } },
  ],
  ['foreign https origin', { senderFrame: top('https://attacker.example/') }],
  ['look-alike host with suffix', { senderFrame: top('app://callboard.attacker.example/index.html') }],
  ['look-alike host with prefix', { senderFrame: top('app://evilcallboard/index.html') }],
  ['userinfo trick', { senderFrame: top('app://callboard@attacker.example/index.html') }],
  ['userinfo on our host', { senderFrame: top('app://attacker@callboard/index.html') }],
  ['port on our host', { senderFrame: top('app://callboard:8080/index.html') }],
  ['file: page', { senderFrame: top('file:///etc/passwd') }],
  ['data: page', { senderFrame: top('data:text/html,<script>1</script>') }],
  ['about:blank', { senderFrame: top('about:blank') }],
  ['other custom scheme', { senderFrame: top('callboard://callboard/index.html') }],
  ['dev server look-alike', { senderFrame: top('http://localhost:5173/') }],
  ['unparseable url', { senderFrame: top('not a url') }],
]

describe('sender checks (S3)', () => {
  it('trusts our own top frame', () => {
    expect(checkSender({ senderFrame: top('app://callboard/index.html') }, APP)).toEqual({ trusted: true })
    expect(checkSender({ senderFrame: top('app://callboard/') }, APP)).toEqual({ trusted: true })
  })

  it.each(forged)('refuses %s', (_name, event) => {
    const verdict = checkSender(event as never, APP)
    expect(verdict.trusted).toBe(false)
    if (!verdict.trusted) expect(verdict.reason.length).toBeGreaterThan(5)
  })

  it('trusts a dev server only by exact origin', () => {
    const dev = 'http://localhost:5173'
    expect(checkSender({ senderFrame: top('http://localhost:5173/index.html') }, dev).trusted).toBe(true)
    expect(checkSender({ senderFrame: top('http://localhost:5174/') }, dev).trusted).toBe(false)
    expect(checkSender({ senderFrame: top('http://127.0.0.1:5173/') }, dev).trusted).toBe(false)
  })

  it('every registered handler refuses forged events with forbidden_sender, logs it, and never dispatches', async () => {
    const handlers = new Map<string, (event: never, ...args: unknown[]) => Promise<unknown>>()
    const ipcMain: IpcMainLike = { handle: (channel, listener) => void handlers.set(channel, listener as never) }
    const dispatch = vi.fn(async () => ({ ok: true as const, value: null }))
    const lines: string[] = []
    registerIpc(
      ipcMain,
      dispatch,
      APP,
      createLogger((l) => lines.push(l), systemClock),
    )
    expect([...handlers.keys()].sort()).toEqual([...invokeChannels].sort())
    for (const [channel, handler] of handlers) {
      for (const [name, event] of forged) {
        const result = await handler(event as never, {})
        expect(result, `${channel} / ${name}`).toMatchObject({ ok: false, error: { code: 'forbidden_sender' } })
      }
    }
    expect(dispatch).not.toHaveBeenCalled()
    expect(lines.filter((l) => l.includes('untrusted sender'))).toHaveLength(handlers.size * forged.length)
  })

  it('a trusted sender reaches dispatch; extra arguments are refused', async () => {
    const handlers = new Map<string, (event: never, ...args: unknown[]) => Promise<unknown>>()
    const dispatch = vi.fn(async () => ({ ok: true as const, value: 'ok' }))
    registerIpc(
      { handle: (c, l) => void handlers.set(c, l as never) },
      dispatch,
      APP,
      createLogger(() => undefined, systemClock),
    )
    const event = { senderFrame: top('app://callboard/index.html') } as never
    await expect(handlers.get('settings:get')!(event)).resolves.toEqual({ ok: true, value: 'ok' })
    expect(dispatch).toHaveBeenCalledWith('settings:get', undefined)
    const extra = (await handlers.get('settings:update')!(event, {}, 'second')) as Result<never>
    expect(extra).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    // Its issue too is keyed, as every text main gives the window.
    expect(!extra.ok && extra.error.issues?.map((i) => renderMessage(issueMessage(i.message), 'es'))).toEqual([
      renderMessage(msg('failure.tooManyArguments', { channel: 'settings:update' }), 'es'),
    ])
  })
})
