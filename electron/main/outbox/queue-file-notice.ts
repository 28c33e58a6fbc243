import { msg, type Message, type MessageKey, type MessageParam } from '@shared/i18n/message'
import type { DamagedStretch, JournalOpenResult } from './journal'
import type { JournalDamageCode } from './journal-scan'
import type { ReplaySkips } from './outbox'
import type { OutboxEvent } from './outbox-events'

// What the agent is told when the queue file was not as Callboard left it: what was lost, by task
// id where one can be read, and a claim that nothing confirmed was lost only where the journal's
// watermark proves it.

/** What went wrong with the queue file at start, as the journal found it. */
export type JournalNotice =
  /** The file could not be used at all (not a journal, another format, a newer version): set aside whole. */
  | { kind: 'set_aside'; path: string; code: JournalDamageCode; reason: string }
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
  | { kind: 'torn_tail'; bytesDropped: number; reason: Message; proven: boolean }

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
    return { kind: 'set_aside', path: quarantine.quarantinedTo, code: quarantine.code, reason: quarantine.reason }
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
    // The scan's `why` is English for the log; a torn tail is always a last record cut short, said
    // to the agent in their language.
    return {
      kind: 'torn_tail',
      bytesDropped: tornTail.bytesDropped,
      reason: msg('queueFile.lastRecordIncomplete'),
      proven: loss.complete,
    }
  }
  return null
}

/** Why a whole file was set aside, by the journal's code (its own words for any other). */
const UNUSABLE: Partial<Record<JournalDamageCode, MessageKey>> = {
  empty: 'queueFile.unusable.empty',
  'truncated-header': 'queueFile.unusable.truncatedHeader',
  'not-a-journal': 'queueFile.unusable.notAJournal',
  'foreign-format': 'queueFile.unusable.foreignFormat',
  'newer-version': 'queueFile.unusable.newerVersion',
  'damaged-header': 'queueFile.unusable.damagedHeader',
}

type Counted = 'bytes' | 'records' | 'tasks' | 'otherTasks'
const counted = (n: number, what: Counted): Message =>
  n === 1 ? msg(`count.${what}.one`) : msg(`count.${what}.many`, { n })

/** Up to ten ids, then how many more. */
function listIds(ids: readonly string[]): MessageParam {
  const shown = ids.slice(0, 10).join(', ')
  return ids.length > 10 ? msg('queueFile.idsAndMore', { ids: shown, more: ids.length - 10 }) : shown
}

function whereDamaged(stretches: JournalNotice & { kind: 'damaged' }): Message {
  const { stretches: all } = stretches
  const header = all.some((s) => s.header)
  const others = all.filter((s) => !s.header)
  const bytes = others.reduce((sum, s) => sum + s.length, 0)
  const body =
    others.length === 1
      ? msg('queueFile.whereOne', { bytes: counted(others[0]!.length, 'bytes'), offset: others[0]!.offset })
      : msg('queueFile.whereMany', { count: others.length, bytes: counted(bytes, 'bytes') })
  if (header && others.length === 0) return msg('queueFile.whereHeader')
  return header ? msg('queueFile.whereHeaderAnd', { body }) : body
}

/**
 * The queue file notice for the agent, sentence by sentence (the window renders each in the agent's
 * language and joins them), or null when there is nothing to say.
 */
export function queueFileNotice(notice: JournalNotice | null, skipped: ReplaySkips): Message[] | null {
  const parts: Message[] = []
  let lost: string[] = []
  let changed: string[] = []
  if (notice?.kind === 'set_aside') {
    const unusable = UNUSABLE[notice.code]
    const reason = unusable ? msg(unusable) : notice.reason
    parts.push(msg('queueFile.setAside', { reason, path: notice.path }))
  } else if (notice?.kind === 'torn_tail') {
    parts.push(
      msg('queueFile.tornTail', { bytes: counted(notice.bytesDropped, 'bytes'), reason: notice.reason }),
      notice.proven ? msg('queueFile.tornTailProven') : msg('queueFile.tornTailUnproven'),
    )
  } else if (notice?.kind === 'damaged') {
    lost = [...new Set([...notice.lostIds, ...skipped.unknownTasks])]
    changed = [...new Set([...notice.changedIds, ...skipped.outOfStep])].filter((id) => !lost.includes(id))
    const total = Math.max(notice.tasksLost, lost.length)
    const kept = counted(notice.recordsKept, 'records')
    parts.push(
      notice.stretches.length > 0
        ? msg('queueFile.damaged', { where: whereDamaged(notice), kept })
        : msg('queueFile.missingRecords', { kept }),
    )
    if (total > 0) {
      const unnamed = total - lost.length
      const tasks = counted(total, 'tasks')
      parts.push(
        lost.length === 0
          ? msg('queueFile.lostUnnamed', { tasks })
          : unnamed > 0
            ? msg('queueFile.lostNamedAndUnnamed', { tasks, ids: listIds(lost), unnamed })
            : msg('queueFile.lostNamed', { tasks, ids: listIds(lost) }),
      )
    }
    if (notice.uncountable === 'damage_at_end') parts.push(msg('queueFile.damageAtEnd'))
    else if (notice.uncountable === 'no_count') parts.push(msg('queueFile.noCount'))
    else parts.push(total === 0 ? msg('queueFile.noneLost') : msg('queueFile.othersKept'))
    if (notice.unattributed && total === 0) parts.push(msg('queueFile.unattributed'))
    if (notice.tornBytes !== null) {
      parts.push(msg('queueFile.lastWriteCut', { bytes: counted(notice.tornBytes, 'bytes') }))
    }
  } else {
    lost = skipped.unknownTasks
    changed = skipped.outOfStep
    if (lost.length > 0) parts.push(msg('queueFile.unknownTasks', { ids: listIds(lost) }))
  }
  if (changed.length > 0) {
    parts.push(msg('queueFile.outOfStep', { tasks: counted(changed.length, 'otherTasks'), ids: listIds(changed) }))
  }
  if (notice?.kind === 'damaged') parts.push(msg('queueFile.copyAt', { path: notice.path }))
  return parts.length > 0 ? parts : null
}
