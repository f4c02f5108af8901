/**
 * The one matcher that turns free text (job postings, badge tags, typed skills) into
 * canonical skills. All catalog terms (names, aliases, abbreviations, plus the user's own
 * portfolio skills) are compiled once into a token trie keyed by the first token; matching a
 * 6,000-character posting is a single pass over its tokens. Rules are documented in README.md.
 */
import {
  GAP_BREAK,
  GAP_CLAUSE,
  GAP_JOIN,
  foldKey,
  singulars,
  tokenize,
  type Tokens,
} from './text'
import type { Area, CatalogCategory } from '../../shared/catalog'
import type { SkillMatch } from '../../shared/analysis'

/** A skill the matcher can find: a catalog skill, or one of the user's own portfolio skills. */
export interface MatcherSkill {
  readonly id: string
  readonly name: string
  readonly category?: CatalogCategory | 'language' | 'other'
  readonly area?: Area
  readonly aliases?: readonly string[]
  readonly abbreviations?: readonly string[]
  readonly contextOnly?: boolean
}

export type { SkillMatch }
export type TermKind = SkillMatch['kind']

export interface ContextRule {
  /** Words within three tokens that make the term a skill ("golang", "programming", …). */
  cues?: readonly string[]
  /** Words right before the term that make it one ("in R", "with Go"). */
  after?: readonly string[]
  /** Words right before the term that rule it out ("to go", "will excel"). */
  notAfter?: readonly string[]
  /** Words right after the term that rule it out ("go to", "excel at"). */
  notBefore?: readonly string[]
  /** Token sequences right after the term that rule it out (["and","d"]: "R&D"). */
  notFollowedBy?: readonly (readonly string[])[]
}

export interface MatcherOptions {
  /** The user's own skills, matched too; an entry whose name is already a catalog skill only adds its aliases to it. */
  extra?: readonly MatcherSkill[]
  /** Extra or replacement context rules by folded term ("go", "r", "excel"). */
  contextRules?: Readonly<Record<string, ContextRule>>
}

export interface MatcherEntry {
  id: string
  name: string
  category: CatalogCategory | 'language' | 'other'
  area: Area
  contextOnly: boolean
  /** True for the user's own skills that are not in the catalog. */
  portfolio: boolean
}

export interface Matcher {
  /** Every skill mention in the text, sorted by position, never overlapping. */
  match(text: string): SkillMatch[]
  /** The skill id a single name (badge tag, typed skill) stands for, or null. */
  normalise(name: string): string | null
  /** The entry behind an id returned by match or normalise. */
  skill(id: string): MatcherEntry | undefined
  readonly size: number
}

// ---------- built-in word lists ----------

/**
 * Words that are skills when capitalised as a product or language name but ordinary English
 * (or another thing) in lower case: "react quickly", "express interest", "a spark". A
 * single-word term equal to one of these must keep its capital letters to match.
 */
const CASE_SENSITIVE_WORDS = new Set(
  (
    'a an and as at be by c d do go he i if in is it me my no of on or r so to up us we v x am ' +
    'excel word words access teams make express swift rust ruby spark chef puppet next nest ember backbone meteor flask shell ' +
    'scratch salt ant hive pig beam storm dash sketch slack notion monday box spring play rails apex ionic electron unity unreal ' +
    'maya houdini blender zoom outlook office windows dart julia elixir crystal pascal basic scheme ada solid lean less stylus ' +
    'gulp grunt yarn react node angular express material bootstrap jest mocha jasmine karma cypress puppeteer playwright postman ' +
    'helm vault consul nomad prefect mode sheets forms drive ads search copy sap oracle project planner publisher illustrator ' +
    'premiere framer principle origami mural segment amplitude heap intercom buffer sprout ghost contentful sanity linear ' +
    'confluence basecamp meet hangouts keynote pages numbers photos tag manager data studio looker tableau'
  ).split(' '),
)

/** Words near a context-only term that show it is meant as a technology. */
const GENERIC_CUES = new Set(
  (
    'programming programmer programmers language languages developer developers development dev engineer engineers engineering ' +
    'code coding coder scripting script scripts framework frameworks library libraries stack sdk api apis toolchain tools tool ' +
    'tooling software technologies technology tech skills skill proficiency proficient expertise knowledge familiarity familiar ' +
    'fluent fluency certified certification backend frontend microservices services compiled typed experience experienced'
  ).split(' '),
)

/** Built-in rules for the classic ambiguous skills; catalog `contextOnly` skills without a rule use the generic cues. */
const BUILTIN_RULES: Record<string, ContextRule> = {
  go: {
    cues: ['golang', 'goroutine', 'goroutines', 'gopher'],
    after: ['in', 'with', 'using'],
    notAfter: ['to', 'will', 'can', 'let', 'lets', 'must', 'should', 'would', 'could', 'll', 'not', 'ready', 'we', 'you', 'they', 'i'],
    notBefore: ['to', 'for', 'ahead', 'live', 'beyond', 'above', 'through', 'back', 'out', 'over', 'into', 'hand', 'the', 'far', 'further', 'down', 'from', 'on', 'get', 'a', 'up', 'along', 'by', 'about', 'around', 'together', 'extra', 'big', 'deep', 'wrong', 'well', 'home', 'fast', 'faster'],
  },
  r: {
    cues: ['rstudio', 'tidyverse', 'cran', 'ggplot', 'ggplot2', 'shiny', 'dplyr', 'statistical', 'statistics', 'sas', 'spss', 'stata', 'matlab'],
    after: ['in', 'with', 'using'],
    notFollowedBy: [['and', 'd']],
  },
  excel: {
    cues: ['microsoft', 'ms', 'office', 'spreadsheet', 'spreadsheets', 'pivot', 'vlookup', 'xlookup', 'macros', 'vba', 'workbook', 'workbooks', 'formulas', 'powerpoint', 'word', 'outlook', 'sheets'],
    after: ['in', 'with', 'using', 'advanced'],
    notAfter: ['to', 'will', 'can', 'll', 'who', 'you', 'we', 'they', 'should', 'must', 'helps', 'help', 'would', 'could', 'may', 'might', 'truly'],
    notBefore: ['at', 'in', 'within', 'as', 'when', 'under', 'through', 'beyond', 'by', 'while', 'here', 'there'],
  },
  c: {
    cues: ['embedded', 'firmware', 'kernel', 'c++', 'c#'],
    notBefore: ['level', 'suite', 'corp', 'section'],
    notAfter: ['series', 'vitamin', 'grade', 'type', 'class', 'plan', 'level', 'section'],
  },
}

/** Parts of a typed name that do not change which skill it is ("Python programming", "Advanced Excel skills"). */
const NAME_FILLERS = new Set(
  'skill skills basic basics fundamental fundamentals foundation foundations introduction intro to advanced beginner intermediate expert level certificate certification course programming language proficiency knowledge of in with for the and essentials'.split(
    ' ',
  ),
)

// ---------- compiled trie ----------

interface Term {
  entry: number
  kind: TermKind
  text: string
  /** Folded tokens of the term, joined by spaces. */
  key: string
  /** Concatenation of a multi-word term ("CI/CD" -> "cicd"). */
  joined: boolean
  /** Letters that must be upper case in the text, as written in the term; null = any case. */
  caseMask: string | null
  /** Needs context (a cue, a list of technologies) before it counts. */
  needsContext: boolean
  /** A plural in the text may match this term. */
  inflects: boolean
  rank: number
}

/** A prefix of one or more terms: the trie is one flat Map from token paths ("node\u0001js") to nodes. */
interface Node {
  /** Terms ending here. */
  terms: Term[] | null
  /** Some longer term continues this prefix. */
  more: boolean
}

const SEP = '\u0001'

interface Candidate {
  first: number
  last: number
  terms: Term[]
  inflected: boolean
}

interface Chosen {
  first: number
  last: number
  term: Term
  confidence: number
  reason: string
}

const KIND_RANK: Record<TermKind, number> = { name: 0, alias: 1, abbreviation: 2 }
const KIND_CONFIDENCE: Record<TermKind, number> = { name: 0.98, alias: 0.95, abbreviation: 0.9 }

const hasUpper = (s: string) => s !== s.toLowerCase()
const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1)
const lettersOf = (s: string) => s.replace(/[^\p{L}]/gu, '')

export function createMatcher(skills: readonly MatcherSkill[], options: MatcherOptions = {}): Matcher {
  const rules: Record<string, ContextRule> = { ...BUILTIN_RULES, ...(options.contextRules ?? {}) }
  const entries: MatcherEntry[] = []
  /** Folded canonical name of each entry. */
  const nameKeys: string[] = []
  const byId = new Map<string, number>()
  const trie = new Map<string, Node>()
  /** Whole-name lookups for normalise(): folded key -> terms. */
  const exact = new Map<string, Term[]>()
  let termCount = 0

  function addEntry(skill: MatcherSkill, portfolio: boolean): number {
    const existing = byId.get(skill.id)
    if (existing !== undefined) return existing
    const index = entries.length
    entries.push({
      id: skill.id,
      name: skill.name,
      category: skill.category ?? 'other',
      area: skill.area ?? 'general',
      contextOnly: skill.contextOnly ?? false,
      portfolio,
    })
    nameKeys.push(foldKey(skill.name))
    byId.set(skill.id, index)
    return index
  }

  function addTerm(entryIndex: number, text: string, kind: TermKind): void {
    const tokens = tokenize(text)
    if (tokens.length === 0) return
    const entry = entries[entryIndex]!
    const keys = tokens.keys
    const single = keys.length === 1
    const key = keys.join(' ')
    const nameKey = nameKeys[entryIndex]!
    const common = single && CASE_SENSITIVE_WORDS.has(key)
    const ambiguousWord = single && (key === nameKey || key.length <= 2 || common)
    const needsContext = entry.contextOnly && ambiguousWord
    let caseMask: string | null = null
    if (single && (needsContext || common || (kind === 'abbreviation' && key.length <= 3))) {
      // The capitals as written; a context-only name typed in lower case ("go") borrows the canonical capitals.
      const written = entry.contextOnly && key === nameKey && !hasUpper(text) ? entry.name : text
      // A name the catalog writes in lower case ("pandas") needs context, not capitals; a common word does.
      caseMask = hasUpper(written) ? lettersOf(written) : common ? lettersOf(capitalise(written)) : null
    }
    const term: Term = {
      entry: entryIndex,
      kind,
      text,
      key,
      joined: false,
      caseMask,
      needsContext,
      inflects: !needsContext && lettersOf(keys[keys.length - 1]!).length >= 3 && kind !== 'abbreviation',
      rank: KIND_RANK[kind],
    }
    insert(keys, term)
    pushExact(key, term)
    // "CI/CD" also as "cicd", "Node.js" as "nodejs", "front-end" as "frontend".
    if (!single) {
      const joinedKey = keys.join('')
      if (joinedKey.length >= 4 && !CASE_SENSITIVE_WORDS.has(joinedKey)) {
        const joined: Term = { ...term, joined: true, rank: term.rank + 0.5, caseMask: null, needsContext: false }
        insert([joinedKey], joined)
        pushExact(joinedKey, joined)
      }
    }
    termCount++
  }

  function pushExact(key: string, term: Term): void {
    const list = exact.get(key)
    if (!list) exact.set(key, [term])
    else if (!list.some((t) => t.entry === term.entry && t.kind === term.kind && t.joined === term.joined)) list.push(term)
  }

  function insert(keys: readonly string[], term: Term): void {
    let path = ''
    let node: Node | undefined
    for (let k = 0; k < keys.length; k++) {
      path = k === 0 ? keys[0]! : path + SEP + keys[k]!
      node = trie.get(path)
      if (!node) trie.set(path, (node = { terms: null, more: false }))
      if (k < keys.length - 1) node.more = true
    }
    node!.terms ??= []
    if (!node!.terms.some((t) => t.entry === term.entry && t.kind === term.kind && t.joined === term.joined)) node!.terms.push(term)
  }

  function addSkillTerms(index: number, skill: MatcherSkill): void {
    addTerm(index, skill.name, 'name')
    for (const alias of skill.aliases ?? []) addTerm(index, alias, 'alias')
    for (const abbreviation of skill.abbreviations ?? []) addTerm(index, abbreviation, 'abbreviation')
  }

  for (const skill of skills) addSkillTerms(addEntry(skill, false), skill)

  // The user's skills: one already in the catalog (by name or alias) only lends it its aliases.
  for (const skill of options.extra ?? []) {
    const hit = bestExact(foldKey(skill.name))
    if (hit !== null) {
      for (const alias of skill.aliases ?? []) if (bestExact(foldKey(alias)) === null) addTerm(hit, alias, 'alias')
      byId.set(skill.id, hit) // the portfolio id resolves to the catalog entry
      continue
    }
    const index = addEntry(skill, true)
    for (const name of [skill.name, ...(skill.aliases ?? [])]) {
      if (bestExact(foldKey(name)) === null || name === skill.name) addTerm(index, name, name === skill.name ? 'name' : 'alias')
    }
  }

  /** The single best entry for a whole folded name, or null when none or two skills tie. */
  function bestExact(key: string): number | null {
    const terms = exact.get(key)
    return terms ? pickEntry(terms) : null
  }

  function pickEntry(terms: readonly Term[]): number | null {
    let best: Term | null = null
    let tie = false
    for (const t of terms) {
      const better = !best || t.rank < best.rank || (t.rank === best.rank && entries[t.entry]!.portfolio < entries[best.entry]!.portfolio)
      if (better) {
        tie = false
        best = t
      } else if (t.rank === best!.rank && t.entry !== best!.entry && entries[t.entry]!.portfolio === entries[best!.entry]!.portfolio) tie = true
    }
    return best && !tie ? best.entry : null
  }

  // ---------- matching ----------

  function caseOk(term: Term, surface: string): boolean {
    if (!term.caseMask) return true
    const letters = lettersOf(surface)
    const mask = term.caseMask
    const len = Math.min(mask.length, letters.length)
    for (let k = 0; k < len; k++) {
      const m = mask[k]!
      if (m !== m.toLowerCase() && letters[k] === letters[k]!.toLowerCase()) return false
    }
    return true
  }

  function collect(toks: Tokens, skip: Uint8Array): Candidate[] {
    const out: Candidate[] = []
    const { keys, gaps, length } = toks
    const walk = (path: string, node: Node, first: number, last: number, inflected: boolean) => {
      if (node.terms) out.push({ first, last, terms: node.terms, inflected })
      const j = last + 1
      if (!node.more || j >= length || gaps[j]! > GAP_JOIN || skip[j]) return
      const child = trie.get(path + SEP + keys[j]!)
      if (child) walk(path + SEP + keys[j]!, child, first, j, inflected)
      for (const s of singulars(keys[j]!)) {
        const c = trie.get(path + SEP + s)
        if (c) walk(path + SEP + s, c, first, j, true)
      }
    }
    for (let i = 0; i < length; i++) {
      if (skip[i]) continue
      const root = trie.get(keys[i]!)
      if (root) walk(keys[i]!, root, i, i, false)
      for (const s of singulars(keys[i]!)) {
        const r = trie.get(s)
        if (r) walk(s, r, i, i, true)
      }
    }
    return out
  }

  function surfaceOf(text: string, toks: Tokens, first: number, last: number): string {
    return text.slice(toks.starts[first], toks.ends[last])
  }

  function ruleFor(term: Term): ContextRule {
    return rules[term.key] ?? rules[nameKeys[term.entry]!] ?? {}
  }

  /** Why a context-only word counts here, or null when it does not. */
  function contextReason(text: string, toks: Tokens, i: number, term: Term, accepted: ReadonlyMap<number, Chosen>): string | null {
    const rule = ruleFor(term)
    const { keys, gaps, length } = toks
    const prev = i > 0 && gaps[i]! <= GAP_JOIN ? keys[i - 1]! : null
    const next = i + 1 < length && gaps[i + 1]! <= GAP_JOIN ? keys[i + 1]! : null
    if (prev && rule.notAfter?.includes(prev) && !accepted.has(i - 1)) return null
    if (next && rule.notBefore?.includes(next) && !accepted.has(i + 1)) return null
    for (const seq of rule.notFollowedBy ?? []) {
      if (seq.every((w, k) => i + 1 + k < length && keys[i + 1 + k] === w && gaps[i + 1 + k]! <= GAP_CLAUSE)) return null
    }
    // "(R)" glued to a word is a trademark sign, not a language.
    const before = text[toks.starts[i]! - 1]
    const after = text[toks.ends[i]!]
    if (before === '(' && after === ')' && i > 0 && toks.ends[i - 1] === toks.starts[i]! - 1) return null
    // Next to another technology in a list: "Python, R", "Scala Java Go".
    const neighbour = listNeighbour(toks, i, accepted)
    if (neighbour) return `listed with ${neighbour}`
    if (prev && rule.after?.includes(prev)) return `after "${prev}"`
    // A cue nearby in the same sentence.
    for (let d = 1; d <= 3; d++) {
      const left = i - d
      if (left >= 0 && !crossesBreak(gaps, left + 1, i)) {
        const w = keys[left]!
        if (GENERIC_CUES.has(w) || rule.cues?.includes(w)) return `near "${w}"`
      }
      const right = i + d
      if (right < length && !crossesBreak(gaps, i + 1, right)) {
        const w = keys[right]!
        if (GENERIC_CUES.has(w) || rule.cues?.includes(w)) return `near "${w}"`
      }
    }
    return null
  }

  function crossesBreak(gaps: readonly number[], from: number, to: number): boolean {
    for (let k = from; k <= to; k++) if (gaps[k]! >= GAP_BREAK) return true
    return false
  }

  /** Name of an accepted technology right before or after token i, separated only by list punctuation or and/or. */
  function listNeighbour(toks: Tokens, i: number, accepted: ReadonlyMap<number, Chosen>): string | null {
    const { keys, gaps, length } = toks
    const isTech = (c: Chosen | undefined) => c && (entries[c.term.entry]!.category === 'technology' || entries[c.term.entry]!.contextOnly)
    // Left.
    let k = i - 1
    let ok = gaps[i]! <= GAP_CLAUSE
    while (ok && k >= 0 && (keys[k] === 'and' || keys[k] === 'or') && !accepted.has(k)) {
      ok = gaps[k]! <= GAP_CLAUSE
      k--
    }
    if (ok && k >= 0) {
      const c = accepted.get(k)
      if (isTech(c)) return entries[c!.term.entry]!.name
    }
    // Right.
    k = i + 1
    ok = k < length && gaps[k]! <= GAP_CLAUSE
    while (ok && k < length && (keys[k] === 'and' || keys[k] === 'or') && !accepted.has(k)) {
      k++
      ok = k < length && gaps[k]! <= GAP_CLAUSE
    }
    if (ok && k < length) {
      const c = accepted.get(k)
      if (isTech(c)) return entries[c!.term.entry]!.name
    }
    return null
  }

  function describe(term: Term, inflected: boolean, extra: string | null): string {
    const what = term.kind === 'name' ? 'name' : `${term.kind} "${term.text}"`
    const parts = [term.joined ? `${what} written as one word` : what]
    if (inflected) parts.push('plural')
    if (extra) parts.push(extra)
    if (entries[term.entry]!.portfolio) parts.push('your own skill')
    return parts.join(', ')
  }

  function match(text: string): SkillMatch[] {
    if (!text) return []
    const toks = tokenize(text)
    const skip = maskUnmatchable(text, toks)
    const candidates = collect(toks, skip)
    // Longest first (tokens, then characters), then leftmost: the longest match wins.
    candidates.sort((a, b) => b.last - b.first - (a.last - a.first) || toks.ends[b.last]! - toks.starts[b.first]! - (toks.ends[a.last]! - toks.starts[a.first]!) || a.first - b.first)
    const covered = new Uint8Array(toks.length)
    /** Accepted matches by each token they cover. */
    const accepted = new Map<number, Chosen>()
    const deferred: { cand: Candidate; terms: Term[] }[] = []
    const ambiguous: { cand: Candidate; terms: Term[] }[] = []
    const free = (c: Candidate) => {
      for (let k = c.first; k <= c.last; k++) if (covered[k]) return false
      return true
    }
    const take = (c: Candidate, term: Term, confidence: number, reason: string) => {
      const chosen: Chosen = { first: c.first, last: c.last, term, confidence, reason }
      for (let k = c.first; k <= c.last; k++) {
        covered[k] = 1
        accepted.set(k, chosen)
      }
    }

    for (const cand of candidates) {
      if (!free(cand)) continue
      const surface = surfaceOf(text, toks, cand.first, cand.last)
      const viable = cand.terms.filter((t) => (!cand.inflected || t.inflects) && caseOk(t, surface))
      if (viable.length === 0) continue
      const plain = viable.filter((t) => !t.needsContext)
      if (plain.length === 0) {
        deferred.push({ cand, terms: viable })
        continue
      }
      const bestRank = Math.min(...plain.map((t) => t.rank))
      const best = plain.filter((t) => t.rank === bestRank)
      const distinct = new Set(best.map((t) => t.entry))
      if (distinct.size > 1) {
        ambiguous.push({ cand, terms: best })
        continue
      }
      const term = best[0]!
      let confidence = KIND_CONFIDENCE[term.kind] * (term.joined ? 0.95 : 1) * (cand.inflected ? 0.97 : 1)
      if (entries[term.entry]!.portfolio) confidence *= 0.95
      take(cand, term, confidence, describe(term, cand.inflected, null))
    }

    // One term, two skills: pick the one whose area the rest of the text is about, else leave it out.
    if (ambiguous.length) {
      const areaCount = new Map<Area, number>()
      for (const c of new Set(accepted.values())) {
        const area = entries[c.term.entry]!.area
        areaCount.set(area, (areaCount.get(area) ?? 0) + 1)
      }
      for (const { cand, terms } of ambiguous) {
        if (!free(cand)) continue
        const scored = terms.map((t) => ({ t, n: areaCount.get(entries[t.entry]!.area) ?? 0 })).sort((a, b) => b.n - a.n)
        if (scored[0]!.n > 0 && scored[0]!.n > (scored[1]?.n ?? 0)) {
          const term = scored[0]!.t
          take(cand, term, KIND_CONFIDENCE[term.kind] * 0.7, describe(term, cand.inflected, `chosen over ${terms.length - 1} other skill(s) by the text's topic`))
        }
      }
    }

    // Context-only words last, so list neighbours are known; repeat so "Go, Rust, Docker" chains.
    for (let round = 0; round < 3 && deferred.length; round++) {
      let changed = false
      for (let d = deferred.length - 1; d >= 0; d--) {
        const { cand, terms } = deferred[d]!
        if (!free(cand)) {
          deferred.splice(d, 1)
          continue
        }
        const term = terms.reduce((a, b) => (b.rank < a.rank ? b : a))
        const why = contextReason(text, toks, cand.first, term, accepted)
        if (why === null) continue
        const confidence = why.startsWith('listed') ? 0.75 : 0.8
        take(cand, term, confidence, describe(term, cand.inflected, `"${surfaceOf(text, toks, cand.first, cand.last)}" ${why}`))
        deferred.splice(d, 1)
        changed = true
      }
      if (!changed) break
    }

    const out: SkillMatch[] = []
    for (const c of new Set(accepted.values())) {
      const entry = entries[c.term.entry]!
      const start = toks.starts[c.first]!
      const end = toks.ends[c.last]!
      out.push({
        skillId: entry.id,
        name: entry.name,
        start,
        end,
        surface: text.slice(start, end),
        confidence: Math.round(c.confidence * 100) / 100,
        reason: c.reason,
        term: c.term.text,
        kind: c.term.kind,
      })
    }
    return out.sort((a, b) => a.start - b.start)
  }

  function normalise(name: string): string | null {
    const tryKeys = (keys: readonly string[]): string | null => {
      if (keys.length === 0) return null
      const found = bestExact(keys.join(' '))
      if (found !== null) return entries[found]!.id
      // Plural of the last word: "REST APIs" -> "REST API".
      const last = keys[keys.length - 1]!
      for (const s of singulars(last)) {
        const terms = exact.get([...keys.slice(0, -1), s].join(' '))?.filter((t) => t.inflects)
        const hit = terms?.length ? pickEntry(terms) : null
        if (hit !== null) return entries[hit]!.id
      }
      return null
    }
    const keys = tokenize(name).keys
    const direct = tryKeys(keys)
    if (direct) return direct
    // "JavaScript (ES6)" -> "JavaScript", then "ES6".
    const paren = /^(.*?)\(([^)]*)\)(.*)$/.exec(name)
    if (paren) {
      const outside = normalise(`${paren[1]!} ${paren[3]!}`)
      if (outside) return outside
      const inside = normalise(paren[2]!)
      if (inside) return inside
    }
    // "Advanced Excel skills", "Python programming" (when not an alias itself), "Intro to SQL".
    let a = 0
    let b = keys.length
    while (a < b && NAME_FILLERS.has(keys[a]!)) a++
    while (b > a && NAME_FILLERS.has(keys[b - 1]!)) b--
    if (a > 0 || b < keys.length) return tryKeys(keys.slice(a, b))
    return null
  }

  return {
    match,
    normalise,
    skill: (id) => {
      const index = byId.get(id)
      return index === undefined ? undefined : entries[index]
    },
    get size() {
      return termCount
    },
  }
}

// ---------- text that never holds a skill ----------

const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g
const UNMATCHABLE = [
  /\b(?:https?|ftp):\/\/[^\s<>"')\]]+/gi, // URLs
  /\bwww\.[^\s<>"')\]]+/gi,
  EMAIL,
  // Bare domains with a common non-technical TLD (github.com, example.org/jobs); names like Socket.io, Node.js, ASP.NET stay.
  /\b[\w-]+(?:\.[\w-]+)*\.(?:com|org|gov|edu|co|uk|de|dk|fr|eu|info|biz|nl|se)\b(?:\/[^\s<>"')\]]*)?/gi,
  /<[A-Z][A-Z_ ]*>/g, // de-identification placeholders: <ORGANIZATION>, <LOCATION>
]

function maskUnmatchable(text: string, toks: Tokens): Uint8Array {
  const skip = new Uint8Array(toks.length)
  if (toks.length === 0) return skip
  const ranges: [number, number][] = []
  for (const re of UNMATCHABLE) {
    if (re === EMAIL && !text.includes('@')) continue
    re.lastIndex = 0
    for (let m = re.exec(text); m; m = re.exec(text)) ranges.push([m.index, m.index + m[0].length])
  }
  if (ranges.length === 0) return skip
  ranges.sort((a, b) => a[0] - b[0])
  let r = 0
  for (let i = 0; i < toks.length; i++) {
    const s = toks.starts[i]!
    while (r < ranges.length && ranges[r]![1] <= s) r++
    // Ranges may nest or overlap; check the few that start before this token.
    for (let k = r; k < ranges.length && ranges[k]![0] <= s; k++) {
      if (s < ranges[k]![1]) {
        skip[i] = 1
        break
      }
    }
  }
  return skip
}
