/**
 * The one "same skill" key. Two names are the same skill for Skillfolio only when their keys
 * are equal (or the catalog matcher maps both to one catalog skill): full-width letters,
 * ligatures, accents, case, typographic dashes and spacing or joiners between words are
 * folded ("Power-BI", "power bi", "Ｐｏｗｅｒ ＢＩ" → "power bi"). Built on the matcher's
 * tokenizer, so the matcher and every lookup agree.
 */
import { foldKey } from './text'

export function skillKey(name: string): string {
  return foldKey(name)
}
