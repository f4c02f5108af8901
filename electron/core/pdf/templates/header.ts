/**
 * The resume's header: the name (H1), the headline, and the contact details on lines of their
 * own under them. Each contact item is a separate text item with a padded "·" between items,
 * and a line breaks only between items, so a parser reads the email, phone, location and links
 * as separate fields.
 */
import type { ResumeDocument } from '../../../shared/resume-document'
import type { Tag } from '../layout/tags'
import type { Run } from '../layout/text'
import { type Flow, itemLines, run } from './blocks'

export function header(f: Flow, root: Tag, h: ResumeDocument['header']): void {
  const { style, scale, gap } = f.theme
  f.text([run(h.name, style.name)], root.child('H1'), { leading: 1.2, keepWithNext: true, role: 'name' })
  if (h.headline) f.space(1 * scale).text([run(h.headline, style.headline)], root.child('P'), { keepWithNext: true })
  const items = h.contact.map((c): Run[] => [
    ...(c.label ? [run(`${c.label}: `, style.contact)] : []),
    run(c.text, c.link ? style.contactLink : style.contact, c.link?.url ?? null, c.link?.label),
  ])
  if (items.length) f.space(gap * 0.55).lines(itemLines(f.ts, items, f.width, { sep: run('·', style.contact) }), root.child('P'), { keepWithNext: true, leading: 1.45 })
}
