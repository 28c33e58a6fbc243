import type { DamagedStretch, JournalOpenResult } from './journal'
import type { ReplaySkips } from './outbox'
import type { OutboxEvent } from './outbox-events'

// What the agent is told when the queue file was not as Callboard left it: what was lost, by task
// id where one can be read, and a claim that nothing confirmed was lost only where the journal's
// watermark proves it.

/** What went wrong with the queue file at start, as the journal found it. */
export type JournalNotice =
  /** The file could not be used at all (not a journal, another format, a newer version): set aside whole. */
  | { kind: 'set_aside'; path: string; reason: string }
  /** Damage, or records missing: every intact record was kept and the file was copied aside first. */
  | {
      kind: 'damaged'
      path: string
      stretches: { offset: number; length: number; header: boolean }[]
      recordsKept: number
      /** Tasks the watermark shows missing (exact unless `uncountable`). */
      tasksLost: number
      /** Why `tasksLost` may not be all: the damage reaches the end of the file, or it has no count. */
      uncountable: 'damage_at_end' | 'no_count' | null
      /** Tasks no longer in the queue whose ids could be read from the damaged bytes. */
      lostIds: string[]
      /** Tasks still in the queue that lost a change in the damaged bytes. */
      changedIds: string[]
      /** Some damaged stretch (not the header) had no task id left to read. */
      unattributed: boolean
      /** An incomplete last write dropped as well, in bytes, or null. */
      tornBytes: number | null
    }
  /** Only an incomplete last write was dropped; `proven`: the watermark shows all before it is kept. */
  | { kind: 'torn_tail'; bytesDropped: number; reason: string; proven: boolean }

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}'
// JSON.stringify writes an event's fields in a fixed order (the watermark, then `t`, then the id),
// so a task's id can be read from damaged bytes as long as those few bytes survived.
const QUEUED_ID = new RegExp(`"t":"queued","entry":\\{"id":"(${UUID})"`, 'gi')
const CHANGE_ID = new RegExp(`"t":"[a-z_]+","id":"(${UUID})"`, 'gi')

function idsIn(stretches: readonly DamagedStretch[], pattern: RegExp): Set<string> {
  const ids = new Set<string>()
  for (const stretch of stretches) {
    for (const match of stretch.bytes.toString('utf8').matchAll(pattern)) ids.add(match[1]!.toLowerCase())
  }
  return ids
}

export function journalNotice(opened: JournalOpenResult<OutboxEvent>): JournalNotice | null {
  const { quarantine, tornTail, loss } = opened
  if (quarantine && quarantine.damaged.length === 0 && quarantine.code !== 'missing-records') {
    return { kind: 'set_aside', path: quarantine.quarantinedTo, reason: quarantine.reason }
  }
  if (quarantine) {
    const kept = new Set(opened.records.flatMap((e) => (e.t === 'queued' ? [e.entry.id] : [])))
    const touched = new Set([...idsIn(quarantine.damaged, QUEUED_ID), ...idsIn(quarantine.damaged, CHANGE_ID)])
    const last = quarantine.damaged.at(-1)
    return {
      kind: 'damaged',
      path: quarantine.quarantinedTo,
      stretches: quarantine.damaged.map(({ offset, length, header }) => ({ offset, length, header })),
      recordsKept: quarantine.recordsKept,
      tasksLost: loss.counted,
      uncountable: loss.complete
        ? null
        : last && last.keptBefore === quarantine.recordsKept
          ? 'damage_at_end'
          : 'no_count',
      lostIds: [...touched].filter((id) => !kept.has(id)),
      changedIds: [...touched].filter((id) => kept.has(id)),
      unattributed: quarantine.damaged.some(
        (stretch) => !stretch.header && idsIn([stretch], QUEUED_ID).size + idsIn([stretch], CHANGE_ID).size === 0,
      ),
      tornBytes: tornTail?.bytesDropped ?? null,
    }
  }
  if (tornTail) {
    return { kind: 'torn_tail', bytesDropped: tornTail.bytesDropped, reason: tornTail.why, proven: loss.complete }
  }
  return null
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`

/** Up to ten ids, then how many more. */
function listIds(ids: readonly string[]): string {
  const shown = ids.slice(0, 10).join(', ')
  return ids.length > 10 ? `${shown} and ${ids.length - 10} more` : shown
}

function whereDamaged(stretches: JournalNotice & { kind: 'damaged' }): string {
  const { stretches: all } = stretches
  const header = all.some((s) => s.header)
  const others = all.filter((s) => !s.header)
  const bytes = others.reduce((sum, s) => sum + s.length, 0)
  const body =
    others.length === 1
      ? `${plural(others[0]!.length, 'byte')} at position ${others[0]!.offset}`
      : `${others.length} stretches (${plural(bytes, 'byte')})`
  if (header && others.length === 0) return 'its header'
  return header ? `its header and ${body}` : body
}

/** The queue file notice for the agent, or null when there is nothing to say. */
export function queueFileNoticeText(notice: JournalNotice | null, skipped: ReplaySkips): string | null {
  const parts: string[] = []
  let lost: string[] = []
  let changed: string[] = []
  if (notice?.kind === 'set_aside') {
    parts.push(
      `The task queue file was damaged (${notice.reason}). It was set aside as ${notice.path}; no task could be read from it.`,
    )
  } else if (notice?.kind === 'torn_tail') {
    parts.push(
      `The task queue file ended with an incomplete write (${plural(notice.bytesDropped, 'byte')}, ${notice.reason}); it was dropped.`,
      notice.proven
        ? 'Every task confirmed before it is kept.'
        : 'The file was written by an older Callboard without a task count, so Callboard cannot confirm that every task before it is kept.',
    )
  } else if (notice?.kind === 'damaged') {
    lost = [...new Set([...notice.lostIds, ...skipped.unknownTasks])]
    changed = [...new Set([...notice.changedIds, ...skipped.outOfStep])].filter((id) => !lost.includes(id))
    const total = Math.max(notice.tasksLost, lost.length)
    parts.push(
      notice.stretches.length > 0
        ? `The task queue file was damaged: ${whereDamaged(notice)} could not be read. Callboard kept everything it could read (${plural(notice.recordsKept, 'record')}).`
        : `The task queue file is missing records although it shows no damage. Callboard kept all it holds (${plural(notice.recordsKept, 'record')}).`,
    )
    if (total > 0) {
      const unnamed = total - lost.length
      const named =
        lost.length > 0
          ? `: ${listIds(lost)}${unnamed > 0 ? `, and ${unnamed} whose id could not be read` : ''}`
          : ' (their ids could not be read)'
      parts.push(`${plural(total, 'task')} could not be recovered${named}.`)
    }
    if (notice.uncountable === 'damage_at_end') {
      parts.push(
        'The damage reaches the end of the file, so Callboard cannot tell whether it held other tasks: check the tasks you queued last.',
      )
    } else if (notice.uncountable === 'no_count') {
      parts.push(
        'The file was written by an older Callboard without a task count, so Callboard cannot tell whether other tasks were lost.',
      )
    } else {
      parts.push(total === 0 ? 'No task was lost.' : 'Every other task is in the queue.')
    }
    if (notice.unattributed && total === 0) {
      parts.push(
        'Some of the damaged bytes name no task they belonged to: a task whose state looks wrong may have lost a change there.',
      )
    }
    if (notice.tornBytes !== null) {
      parts.push(
        `Its last write (${plural(notice.tornBytes, 'byte')}) was cut short and dropped; it had not been confirmed.`,
      )
    }
  } else {
    lost = skipped.unknownTasks
    changed = skipped.outOfStep
    if (lost.length > 0) parts.push(`The task queue file holds changes for tasks that are not in it: ${listIds(lost)}.`)
  }
  if (changed.length > 0) {
    parts.push(
      `${plural(changed.length, 'other task')} lost a change, so what the queue shows for them may be out of date: ${listIds(changed)}. Those that could be created twice wait for your review instead of being sent.`,
    )
  }
  if (notice?.kind === 'damaged') parts.push(`A copy of the damaged file is at ${notice.path}.`)
  return parts.length > 0 ? parts.join(' ') : null
}
