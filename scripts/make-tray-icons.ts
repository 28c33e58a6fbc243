// Draws the tray icons into resources/tray: one per state (online, offline, waiting, attention)
// for light and dark panels, at 1× (16 px) and 2× (32 px). A ring in the panel's contrasting
// colour, with a centre mark whose colour and shape carry the state (not colour alone: offline is
// hollow, attention has a notch). Run with `npx tsx scripts/make-tray-icons.ts`; the PNGs are
// committed, so building the app needs no drawing step.
import { mkdirSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { deflateSync } from 'node:zlib'

type Rgba = [number, number, number, number]
const STATES = {
  online: { mark: [26, 127, 55, 255] as Rgba, hollow: false, notch: false },
  offline: { mark: [110, 118, 129, 255] as Rgba, hollow: true, notch: false },
  waiting: { mark: [224, 160, 0, 255] as Rgba, hollow: false, notch: false },
  attention: { mark: [210, 40, 30, 255] as Rgba, hollow: false, notch: true },
}
const PANELS = { light: [27, 31, 36, 255] as Rgba, dark: [235, 238, 242, 255] as Rgba }

function crc32(bytes: Uint8Array): number {
  let crc = ~0
  for (const byte of bytes) {
    crc ^= byte
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1))
  }
  return ~crc >>> 0
}

function chunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data])
  const out = Buffer.alloc(body.length + 8)
  out.writeUInt32BE(data.length, 0)
  body.copy(out, 4)
  out.writeUInt32BE(crc32(body), body.length + 4)
  return out
}

function png(size: number, pixel: (x: number, y: number) => Rgba): Buffer {
  const raw = Buffer.alloc(size * (size * 4 + 1))
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0
    for (let x = 0; x < size; x++) raw.set(pixel(x, y), y * (size * 4 + 1) + 1 + x * 4)
  }
  const header = Buffer.alloc(13)
  header.writeUInt32BE(size, 0)
  header.writeUInt32BE(size, 4)
  header.set([8, 6, 0, 0, 0], 8)
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ])
}

/** Coverage of a pixel by a shape, by 4×4 supersampling: smooth edges at 16 px. */
function coverage(x: number, y: number, inside: (px: number, py: number) => boolean): number {
  let hits = 0
  for (let i = 0; i < 4; i++) for (let j = 0; j < 4; j++) if (inside(x + (i + 0.5) / 4, y + (j + 0.5) / 4)) hits++
  return hits / 16
}

function icon(size: number, state: keyof typeof STATES, panel: keyof typeof PANELS): Buffer {
  const { mark, hollow, notch } = STATES[state]
  const c = size / 2
  const ring = (px: number, py: number) => {
    const d = Math.hypot(px - c, py - c)
    return d <= size * 0.47 && d >= size * 0.36
  }
  const centre = (px: number, py: number) => {
    const d = Math.hypot(px - c, py - c)
    if (notch && Math.abs(px - c) < size * 0.06 && py > c - size * 0.2 && py < c + size * 0.05) return false
    return hollow ? d <= size * 0.25 && d >= size * 0.15 : d <= size * 0.25
  }
  return png(size, (x, y) => {
    const m = coverage(x, y, centre)
    if (m > 0) return [mark[0], mark[1], mark[2], Math.round(255 * m)]
    const r = coverage(x, y, ring)
    const colour = PANELS[panel]
    return [colour[0], colour[1], colour[2], Math.round(255 * r)]
  })
}

const dir = resolve(import.meta.dirname, '../resources/tray')
mkdirSync(dir, { recursive: true })
for (const state of Object.keys(STATES) as (keyof typeof STATES)[]) {
  for (const panel of Object.keys(PANELS) as (keyof typeof PANELS)[]) {
    writeFileSync(join(dir, `tray-${state}-${panel}.png`), icon(16, state, panel))
    writeFileSync(join(dir, `tray-${state}-${panel}@2x.png`), icon(32, state, panel))
  }
}
console.log(`tray icons written to ${dir}`)
