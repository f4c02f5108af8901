/**
 * The one "same skill" key. Two names are the same skill for Skillfolio only when their keys
 * are equal (or the catalog matcher maps both to one catalog skill): full-width letters,
 * ligatures, accents, case, typographic dashes and the spacing or joiners between words are
 * folded ("Power-BI", "power bi", "Ｐｏｗｅｒ ＢＩ" → "power bi"). Built on the matcher's
 * tokenizer, so the matcher and every lookup agree. Stored as skill.name_key and
 * skill_alias.alias_key (migration 8 recomputed them; a change here needs a migration too).
 */
import { foldKey } from './text'

export function skillKey(name: string): string {
  // A name of symbols only ("++") has no tokens: keep it distinct by its own lower case.
  return foldKey(name) || name.normalize('NFKC').toLocaleLowerCase('en').replace(/\s+/g, ' ').trim()
}
