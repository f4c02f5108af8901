/** "did you mean …?" for mistyped commands, flags and choices. */

/** Edit distance counting a swap of two neighbours as one edit ("lsit" -> "list" is 1). */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)))
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost)
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, d[i - 2]![j - 2]! + 1)
      d[i]![j] = best
    }
  }
  return d[a.length]![b.length]!
}

const bare = (s: string) => s.replace(/^-+/, '').toLowerCase()

/** The closest candidate, if it is close enough to be a plausible typo (or a unique prefix). */
export function closest(input: string, candidates: readonly string[]): string | null {
  const needle = bare(input)
  if (!needle) return null
  const prefixed = candidates.filter((c) => bare(c).startsWith(needle))
  if (prefixed.length === 1) return prefixed[0]!
  let best: string | null = null
  let bestDistance = Infinity
  for (const candidate of candidates) {
    const distance = editDistance(needle, bare(candidate))
    if (distance < bestDistance) {
      best = candidate
      bestDistance = distance
    }
  }
  const allowed = Math.max(1, Math.min(3, Math.floor(needle.length / 3)))
  return bestDistance <= allowed ? best : null
}

/** ` (did you mean --earned-on?)` or an empty string. */
export function didYouMean(input: string, candidates: readonly string[]): string {
  const hit = closest(input, candidates)
  return hit ? ` (did you mean ${hit}?)` : ''
}
