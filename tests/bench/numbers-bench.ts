import { pathToFileURL } from 'node:url'
import { parseNumberList } from '../../shared/phone/number-list'

// Figures for the broadcast number list: a 200,000-row CSV as an agent would load it. Not pass/fail; the goal
// is numbers_200k_ms ≤ 1000 on the two-core reference machine.

/** Deterministic, so every run parses the same file. */
function random(seed: number) {
  let s = seed | 0
  return () => {
    s = (s + 0x6d2b79f5) | 0
    let t = Math.imul(s ^ (s >>> 15), 1 | s)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const FIRST_NAMES = ['Ana', 'Luis', 'María', 'José', 'Carmen', 'Javier', 'Lucía', 'Pablo', 'Elena', 'Sofía']
const LAST_NAMES = ['García', 'Fernández', 'López', 'Martínez', 'Sánchez', 'Pérez', 'Gómez', 'Díaz']

/**
 * `name,phone` plus `rows` data rows, region ES: Spanish mobiles written nationally, with +34 or 0034, spaced or
 * not; some UK, US and French numbers in international form; about 1% invalid and 5% repeats of an earlier
 * number in another spelling. Names are sometimes quoted with a comma inside.
 */
export function generateNumbersCsv(rows: number, seed = 42): string {
  const rnd = random(seed)
  const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)]!
  const digits = (n: number) => {
    let s = ''
    for (let i = 0; i < n; i++) s += Math.floor(rnd() * 10)
    return s
  }
  const spanish = (n: string) => {
    switch (Math.floor(rnd() * 5)) {
      case 0:
        return n
      case 1:
        return `${n.slice(0, 3)} ${n.slice(3, 6)} ${n.slice(6)}`
      case 2:
        return `+34 ${n.slice(0, 3)} ${n.slice(3, 6)} ${n.slice(6)}`
      case 3:
        return `+34${n}`
      default:
        return `0034${n}`
    }
  }
  const foreign = () => {
    switch (Math.floor(rnd() * 3)) {
      case 0:
        return `+44 7${digits(3)} ${digits(6)}`
      case 1:
        return `+1 (${pick(['212', '415', '646', '312'])}) ${2 + Math.floor(rnd() * 8)}${digits(2)}-${digits(4)}`
      default:
        return `+33 6 ${digits(2)} ${digits(2)} ${digits(2)} ${digits(2)}`
    }
  }
  const invalid = () => pick([digits(5), `6${digits(12)}`, 'n/a', `+999 ${digits(8)}`, `612-ABC-${digits(3)}`])
  const issued: string[] = []
  const out: string[] = ['name,phone']
  for (let i = 0; i < rows; i++) {
    const roll = rnd()
    let phone: string
    if (roll < 0.01) phone = invalid()
    else if (roll < 0.06 && issued.length > 0) {
      const earlier = pick(issued)
      phone = earlier.startsWith('6') || earlier.startsWith('7') ? spanish(earlier) : earlier
    } else if (roll < 0.16) phone = foreign()
    else {
      // Allocated mobile ranges only (6, 71–74), as libphonenumber-js's max metadata knows them: 75–77 and 79
      // do not exist, and would make a fifth of the Spanish numbers invalid.
      const n = rnd() < 0.5 ? `6${digits(8)}` : `7${pick(['1', '2', '3', '4'])}${digits(7)}`
      issued.push(n)
      phone = spanish(n)
    }
    const name = `${pick(FIRST_NAMES)} ${pick(LAST_NAMES)}`
    out.push(`${rnd() < 0.2 ? `"${name}, ${pick(['Sr.', 'Dra.', 'jr'])}"` : name},${phone}`)
  }
  return out.join('\r\n') + '\r\n'
}

export async function benchNumbers(): Promise<Array<{ name: string; value: number; unit: string }>> {
  const text = generateNumbersCsv(200_000)
  for (let i = 0; i < 2; i++) parseNumberList(text, { defaultRegion: 'ES' })
  const samples: number[] = []
  for (let i = 0; i < 7; i++) {
    const t0 = performance.now()
    const result = parseNumberList(text, { defaultRegion: 'ES', onProgress: () => undefined })
    samples.push(performance.now() - t0)
    if (result.totalRows !== 200_000) throw new Error(`expected 200,000 rows, got ${result.totalRows}`)
  }
  samples.sort((a, b) => a - b)
  return [{ name: 'numbers_200k_ms', value: samples[Math.floor(samples.length / 2)]!, unit: 'ms' }]
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  void benchNumbers().then((figures) => {
    for (const { name, value, unit } of figures)
      console.log(`bench ${name}: ${value.toFixed(value < 10 ? 3 : 1)} ${unit}`)
  })
}
