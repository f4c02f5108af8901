/**
 * The skills module: the only matcher and normaliser (`matcher.ts`), the one skill key
 * (`key.ts`), the tokenizer (`text.ts`) and the catalog's skill relations (`relations.ts`).
 * Every piece of text that may name a skill goes through here.
 */
export { createMatcher, type Matcher, type MatcherEntry, type MatcherSkill, type SkillMatch } from './matcher'
export { catalogMatcher, portfolioMatcher } from './catalog-matcher'
export { skillKey } from './key'
export { matchCached } from './match-cache'
export { lendersOf, type SkillRelation } from './relations'
export { roleOfTitle } from './role-titles'
