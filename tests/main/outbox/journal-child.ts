// Child process for the lock-race and crash-point tests. Talks on stdout with fs.writeSync, which
// is synchronous, so a line written just before a SIGKILL reaches the parent.
import { writeSync } from 'node:fs'
import { createInterface } from 'node:readline'
import { JournalLockedError, openJournal, type Journal } from '../../../electron/main/outbox/journal'
import { systemClock } from '../../../electron/main/core/clock'
import { createLogger } from '../../../electron/main/core/logger'
import { TestRecord, record } from './helpers'

const say = (line: string) => writeSync(1, `${line}\n`)
const logger = createLogger(() => undefined, systemClock)
const open = (dir: string) => openJournal({ dir, schema: TestRecord, clock: systemClock, logger })

const [mode, dir = '', countArg = '0', compactAtArg = '0'] = process.argv.slice(2)

if (mode === 'serve') {
  // Commands on stdin: `open <dir>` → `won <generation>` | `locked <pid>`; `append <seq>` → `ok`;
  // `close` → `closed`.
  let held: Journal<TestRecord> | null = null
  const rl = createInterface({ input: process.stdin })
  for await (const command of rl) {
    const [verb, arg = ''] = command.split(' ')
    try {
      if (verb === 'open') {
        try {
          const { journal } = await open(arg)
          held = journal
          say('won')
        } catch (error) {
          if (error instanceof JournalLockedError) say(`locked ${error.pid}`)
          else throw error
        }
      } else if (verb === 'append') {
        await held!.append(record(Number(arg)))
        say('ok')
      } else if (verb === 'close') {
        await held?.close()
        held = null
        say('closed')
      } else if (verb === 'exit') {
        break
      }
    } catch (error) {
      say(`error ${String(error)}`)
    }
  }
  process.exit(0)
} else if (mode === 'hold') {
  await open(dir)
  say('held')
  setInterval(() => undefined, 1 << 30)
} else if (mode === 'append') {
  // Appends `count` records one after another, reporting each resolved append; after the
  // `compactAt`-th it compacts to everything appended so far.
  const { journal, records } = await open(dir)
  say(`opened ${records.length}`)
  const live = [...records]
  for (let seq = 1; seq <= Number(countArg); seq++) {
    const r = record(seq, 2000)
    await journal.append(r)
    live.push(r)
    say(`ack ${seq}`)
    if (seq === Number(compactAtArg)) {
      await journal.compact(live)
      say('compacted')
    }
  }
  await journal.close()
  say('done')
} else {
  say(`error unknown mode ${mode}`)
  process.exit(2)
}
