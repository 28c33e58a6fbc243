import { mkdir, readFile, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { z } from 'zod'
import { Choice, ChoiceKind, CHOICES_MAX } from '@shared/schemas/choices'
import { writeFileAtomic } from '../core/atomic-file'

// The lists fetched for each profile, one file per profile under the data folder
// (`choices/<profile id>.json`), with the time each was fetched. Only ids and names a provider
// listed are here: never a secret, never a customer's number.

const CachedList = z.object({
  /** Where the list came from (ChoiceSource.origin). */
  origin: z.string(),
  choices: z.array(Choice).max(CHOICES_MAX),
  fetchedAt: z.iso.datetime(),
  truncated: z.boolean(),
})
export type CachedList = z.infer<typeof CachedList>

const CacheFile = z.object({ version: z.literal(1), lists: z.partialRecord(ChoiceKind, CachedList) })
type CacheFile = z.infer<typeof CacheFile>

export interface ChoicesCache {
  get(profileId: string, kind: ChoiceKind): Promise<CachedList | null>
  put(profileId: string, kind: ChoiceKind, list: CachedList): Promise<void>
  /** Forget a profile's lists (it was removed). */
  drop(profileId: string): Promise<void>
}

/** Profile ids are UUIDs; anything else never becomes a file name. */
const SAFE_ID = /^[0-9a-zA-Z-]{1,64}$/

export function createChoicesCache(dir: string): ChoicesCache {
  const fileOf = (profileId: string) => {
    if (!SAFE_ID.test(profileId)) throw new Error('unexpected profile id')
    return join(dir, `${profileId}.json`)
  }
  // A missing or damaged file is an empty cache: the lists are fetched again, nothing else is lost.
  async function load(profileId: string): Promise<CacheFile> {
    try {
      const parsed = CacheFile.safeParse(JSON.parse(await readFile(fileOf(profileId), 'utf8')))
      if (parsed.success) return parsed.data
    } catch {
      // unreadable or absent
    }
    return { version: 1, lists: {} }
  }
  return {
    get: async (profileId, kind) => (await load(profileId)).lists[kind] ?? null,
    async put(profileId, kind, list) {
      const file = await load(profileId)
      file.lists[kind] = list
      await mkdir(dir, { recursive: true, mode: 0o700 })
      await writeFileAtomic(fileOf(profileId), JSON.stringify(file))
    },
    drop: (profileId) => rm(fileOf(profileId), { force: true }),
  }
}
