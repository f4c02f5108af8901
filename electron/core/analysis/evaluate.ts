/**
 * Precision, recall and F1 of skill extraction against annotated postings (the SkillSpan-style
 * set in ../shared/data/skill-extraction). Shared by the test and the benchmark.
 *
 * Gold spans come as text in document order; each is located in the posting (whole words,
 * in order, case-sensitive first). Scoring is by overlap ("loose" match in SkillSpan's
 * terms): a predicted span is correct when it overlaps any gold span, skill or knowledge;
 * a gold span is found when any prediction overlaps it. Precision is over predictions,
 * recall over gold spans, reported for all spans and for knowledge spans alone (the
 * annotators' "knowledge" spans are the tools and subjects a catalog can name; "skill" spans
 * are mostly long soft-skill phrases).
 */
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

export interface Span {
  start: number
  end: number
}

export interface GoldPosting {
  file: string
  text: string
  skillSpans: readonly string[]
  knowledgeSpans: readonly string[]
}

export interface ExtractionScore {
  postings: number
  predicted: number
  /** Predictions overlapping a gold span. */
  correct: number
  gold: number
  /** Gold spans overlapped by a prediction. */
  found: number
  goldKnowledge: number
  foundKnowledge: number
  /** Gold spans that could not be located in the text (left out of `gold`). */
  unlocated: number
  precision: number
  recall: number
  f1: number
  recallKnowledge: number
  f1Knowledge: number
}

const isWord = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c)

function findWhole(text: string, needle: string, from: number, caseless: boolean): number {
  const hay = caseless ? text.toLowerCase() : text
  const pin = caseless ? needle.toLowerCase() : needle
  for (let at = hay.indexOf(pin, from); at >= 0; at = hay.indexOf(pin, at + 1)) {
    const before = text[at - 1]
    const after = text[at + pin.length]
    const startOk = !isWord(needle[0]) || !isWord(before)
    const endOk = !isWord(needle[needle.length - 1]) || !isWord(after)
    if (startOk && endOk) return at
  }
  return -1
}

/** Finds each gold span in the text, in order; null for a span that is not there. */
export function locateSpans(text: string, spans: readonly string[]): (Span | null)[] {
  let cursor = 0
  return spans.map((raw) => {
    const variants = [raw, raw.trim(), raw.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}+#]+$/gu, '')].filter((v, i, a) => v && a.indexOf(v) === i)
    for (const v of variants) {
      for (const [from, caseless] of [
        [cursor, false],
        [0, false],
        [cursor, true],
        [0, true],
      ] as const) {
        const at = findWhole(text, v, from, caseless)
        if (at >= 0) {
          cursor = at
          return { start: at, end: at + v.length }
        }
      }
    }
    return null
  })
}

const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end

const ratio = (a: number, b: number) => (b === 0 ? 0 : a / b)
const harmonic = (p: number, r: number) => (p + r === 0 ? 0 : (2 * p * r) / (p + r))

function finish(s: Omit<ExtractionScore, 'precision' | 'recall' | 'f1' | 'recallKnowledge' | 'f1Knowledge'>): ExtractionScore {
  const precision = ratio(s.correct, s.predicted)
  const recall = ratio(s.found, s.gold)
  const recallKnowledge = ratio(s.foundKnowledge, s.goldKnowledge)
  return { ...s, precision, recall, f1: harmonic(precision, recall), recallKnowledge, f1Knowledge: harmonic(precision, recallKnowledge) }
}

/** Scores one posting's predicted spans against its gold spans. */
export function scoreSpans(posting: GoldPosting, predicted: readonly Span[]): ExtractionScore {
  const skill = locateSpans(posting.text, posting.skillSpans)
  const knowledge = locateSpans(posting.text, posting.knowledgeSpans)
  const goldSkill = skill.filter((s): s is Span => s !== null)
  const goldKnowledge = knowledge.filter((s): s is Span => s !== null)
  const all = [...goldSkill, ...goldKnowledge]
  const correct = predicted.filter((p) => all.some((g) => overlaps(p, g))).length
  const hit = (g: Span) => predicted.some((p) => overlaps(p, g))
  const foundKnowledge = goldKnowledge.filter(hit).length
  return finish({
    postings: 1,
    predicted: predicted.length,
    correct,
    gold: all.length,
    found: goldSkill.filter(hit).length + foundKnowledge,
    goldKnowledge: goldKnowledge.length,
    foundKnowledge,
    unlocated: skill.length + knowledge.length - all.length,
  })
}

/** Micro-average: sums the counts of several postings, then recomputes the ratios. */
export function sumScores(scores: readonly ExtractionScore[]): ExtractionScore {
  const total = { postings: 0, predicted: 0, correct: 0, gold: 0, found: 0, goldKnowledge: 0, foundKnowledge: 0, unlocated: 0 }
  for (const s of scores) for (const k of Object.keys(total) as (keyof typeof total)[]) total[k] += s[k]
  return finish(total)
}

/**
 * Reads the annotated postings of a skill-extraction folder (postings/*.txt plus
 * postings/gold_spans.jsonl); postings without gold spans are left out.
 */
export function loadGoldPostings(dir: string): GoldPosting[] {
  const folder = existsSync(join(dir, 'postings')) ? join(dir, 'postings') : dir
  const lines = readFileSync(join(folder, 'gold_spans.jsonl'), 'utf8').split('\n').filter((l) => l.trim())
  return lines.map((line) => {
    const row = JSON.parse(line) as { file: string; skill_spans?: string[]; knowledge_spans?: string[] }
    return {
      file: row.file,
      text: readFileSync(join(folder, row.file), 'utf8'),
      skillSpans: row.skill_spans ?? [],
      knowledgeSpans: row.knowledge_spans ?? [],
    }
  })
}

/** Scores an extractor over a whole set: per posting and micro-averaged. */
export function evaluateExtraction(
  postings: readonly GoldPosting[],
  extract: (text: string) => readonly Span[],
): { total: ExtractionScore; perPosting: { file: string; score: ExtractionScore }[] } {
  const perPosting = postings.map((p) => ({ file: p.file, score: scoreSpans(p, extract(p.text)) }))
  return { total: sumScores(perPosting.map((p) => p.score)), perPosting }
}
