// The time-zone picker's search. The library's filter kept the zones in alphabetical order, so
// "Tok" and Enter took the first match, Antarctica/Vostok (UTC+5), not Tokyo (UTC+9): a callback
// four hours off. A zone whose city starts with what was typed comes first, then one with any part
// of its name starting so, then one that merely contains it.

const fold = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[_\s]+/gu, ' ')
    .trim()

/** How well a zone's name answers the query: 0 best, null not at all. */
function rank(zone: string, label: string, query: string): number | null {
  const city = fold(zone.split('/').at(-1) ?? zone)
  if (city.startsWith(query)) return 0
  if (
    fold(zone)
      .split(/[/ -]/u)
      .some((part) => part.startsWith(query))
  )
    return 1
  return fold(label).includes(query) ? 2 : null
}

/** The options matching `query`, best first (in their own order within a rank). */
export function searchZones<T extends { value: string; label: string }>(options: readonly T[], query: string): T[] {
  const wanted = fold(query)
  if (!wanted) return [...options]
  const ranked: { option: T; score: number; index: number }[] = []
  options.forEach((option, index) => {
    const score = rank(option.value, option.label, wanted)
    if (score !== null) ranked.push({ option, score, index })
  })
  return ranked.sort((a, b) => a.score - b.score || a.index - b.index).map((r) => r.option)
}
