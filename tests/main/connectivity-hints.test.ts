import { EventEmitter } from 'node:events'
import { describe, expect, it } from 'vitest'
import { watchConnectivityHints } from '../../electron/main/platform/connectivity-hints'

function fakes() {
  const powerMonitor = new EventEmitter()
  let online = true
  const ticks: (() => void)[] = []
  return {
    sources: { powerMonitor, net: { isOnline: () => online } },
    timers: {
      setInterval: (fn: () => void) => ticks.push(fn),
      clearInterval: () => ticks.splice(0),
    },
    setOnline: (value: boolean) => (online = value),
    tick: () => ticks.forEach((fn) => fn()),
    powerMonitor,
  }
}

describe('connectivity hints from the OS (mocked Electron)', () => {
  it('hints on resume, on unlock and when the network comes back; never on going offline', () => {
    const f = fakes()
    const hints: string[] = []
    const stop = watchConnectivityHints(f.sources, (h) => hints.push(h), { timers: f.timers })
    f.powerMonitor.emit('resume')
    f.powerMonitor.emit('unlock-screen')
    f.setOnline(false)
    f.tick()
    expect(hints).toEqual(['resume', 'unlock'])
    f.setOnline(true)
    f.tick()
    f.tick()
    expect(hints).toEqual(['resume', 'unlock', 'online'])
    stop()
    f.powerMonitor.emit('resume')
    expect(hints).toHaveLength(3)
  })

  it('50 flaps give at most one hint per return, nothing more', () => {
    const f = fakes()
    const hints: string[] = []
    watchConnectivityHints(f.sources, (h) => hints.push(h), { timers: f.timers })
    for (let i = 0; i < 50; i++) {
      f.setOnline(i % 2 === 1)
      f.tick()
    }
    expect(hints).toHaveLength(25)
    expect(new Set(hints)).toEqual(new Set(['online']))
  })
})
