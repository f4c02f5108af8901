/**
 * A layout check run inside the page: returns, in words, what is wrong with the layout as it is
 * on screen (an empty list when nothing is). It looks for
 *   (a) the document, `.main` or a pane scrolling sideways;
 *   (b) content sticking out of its box sideways (shown outside it, or cut off);
 *   (c) two controls or labelled things drawn over each other;
 *   (d) a control partly outside the window, or cut by an ancestor that hides overflow;
 *   (e) text squeezed to about one word per line.
 * Intended sideways scrollers (a wide table in a wrapper) carry `data-scroll-x`. Text cut with an
 * ellipsis is fine when a title or aria-label on it (or an ancestor) gives the full value and at
 * least 72 px of it shows. Overlaps count below the fold too (what scrolls together is compared
 * as laid out); a sticky bar over what scrolls beneath it is not an overlap; with a modal dialog
 * open only the dialog is checked (the rest is inert).
 *
 * It is a string, not a function: the test runner's transpiler would add helpers to a serialised
 * function that the page does not have.
 */
import type { Page } from 'playwright-core'

export const LAYOUT_CHECK_SCRIPT = String.raw`(() => {
  const problems = [];
  const vw = document.documentElement.clientWidth;
  const TOL = 2;

  const short = (el) => {
    let s = el.tagName.toLowerCase();
    if (el.id) s += '#' + el.id;
    const cls = typeof el.className === 'string' ? el.className.trim().split(/\s+/).filter(Boolean).slice(0, 2) : [];
    if (cls.length) s += '.' + cls.join('.');
    const role = el.getAttribute('role');
    if (role) s += '[role=' + role + ']';
    const text = (el.getAttribute('aria-label') || el.textContent || el.getAttribute('placeholder') || el.value || '').replace(/\s+/g, ' ').trim();
    return s + (text ? ' "' + (text.length > 50 ? text.slice(0, 50) + '…' : text) + '"' : '');
  };
  const px = (n) => Math.round(n) + 'px';

  // Hidden things, and the 1-px screen-reader-only text, are not laid out for the eye.
  const shown = (el) => {
    const r = el.getBoundingClientRect();
    if (r.width < 2 || r.height < 2) return false;
    if (el.closest('[hidden], [inert], .sr-only')) return false;
    const cs = getComputedStyle(el);
    if (cs.visibility === 'hidden' || cs.display === 'contents') return false;
    for (let a = el; a; a = a.parentElement) {
      const s = getComputedStyle(a);
      if (s.display === 'none' || Number(s.opacity) === 0) return false;
    }
    return true;
  };
  const clips = (cs) => cs.overflowX !== 'visible' || cs.overflowY !== 'visible';
  const scrollsX = (cs) => cs.overflowX === 'auto' || cs.overflowX === 'scroll';

  // The clipping boxes above an element: each ancestor that does not let its content show outside it.
  const clippersOf = (el) => {
    const list = [];
    for (let a = el.parentElement; a && a !== document.documentElement; a = a.parentElement) {
      const cs = getComputedStyle(a);
      if (!clips(cs)) continue;
      list.push({ node: a, rect: a.getBoundingClientRect(), x: cs.overflowX !== 'visible', y: cs.overflowY !== 'visible', scrolls: scrollsX(cs) || cs.overflowY === 'auto' || cs.overflowY === 'scroll' });
    }
    return list;
  };
  // The part of an element that can be seen next to another: cut by its clipping ancestors up to a
  // scroller that holds both (they scroll together, so what is below the fold is checked too).
  const visibleNextTo = (el, other) => {
    const r = el.getBoundingClientRect();
    let left = r.left, top = r.top, right = r.right, bottom = r.bottom;
    for (const c of clippersOf(el)) {
      if (c.scrolls && c.node.contains(other)) break;
      if (c.x) { left = Math.max(left, c.rect.left); right = Math.min(right, c.rect.right); }
      if (c.y) { top = Math.max(top, c.rect.top); bottom = Math.min(bottom, c.rect.bottom); }
    }
    return { left, top, right, bottom };
  };
  // A modal dialog makes the rest of the window inert: only the dialog is laid out for use.
  const modal = document.querySelector('dialog:modal, [aria-modal=true]');
  const scope = modal || document.body;
  const all = Array.from(scope.querySelectorAll('*')).filter((el) => !(el instanceof SVGElement) && !el.closest('svg'));
  // A sticky bar (a form's actions) covers what scrolls beneath it on purpose.
  const stickyOf = (el) => {
    for (let a = el; a && a !== scope; a = a.parentElement) if (getComputedStyle(a).position === 'sticky') return a;
    return null;
  };

  // (a) The page itself, and its panes, never scroll sideways.
  const doc = document.scrollingElement || document.documentElement;
  if (doc.scrollWidth > doc.clientWidth + 1) problems.push('the document scrolls sideways: ' + px(doc.scrollWidth) + ' wide in a ' + px(doc.clientWidth) + ' window');
  const main = document.querySelector('.main');
  if (main && main.scrollWidth > main.clientWidth + 1) problems.push('.main is ' + px(main.scrollWidth) + ' wide inside ' + px(main.clientWidth));

  // What sticks out of a box the furthest (the deepest such element), to name the culprit.
  const widest = (box) => {
    const right = box.getBoundingClientRect().right;
    let found = null, max = right + 1;
    for (const d of Array.from(box.querySelectorAll('*'))) {
      const r = d.getBoundingClientRect();
      if (r.width > 0 && r.right >= max) { max = r.right; found = d; }
    }
    return found;
  };
  const overflowing = [];
  for (const el of all) {
    if (!shown(el)) continue;
    const tag = el.tagName;
    // Form fields scroll their own text; that is how they work.
    if (tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || tag === 'OPTION') continue;
    if (el.clientWidth === 0) continue;
    const over = el.scrollWidth - el.clientWidth;
    if (over <= 1) continue;
    const cs = getComputedStyle(el);
    if (scrollsX(cs)) {
      if (el.closest('[data-scroll-x]') === el || tag === 'PRE') continue;
      const culprit = widest(el);
      problems.push(short(el) + ' scrolls sideways (' + px(el.scrollWidth) + ' of content in ' + px(el.clientWidth) + ')' + (culprit ? ' because of ' + short(culprit) : ''));
      continue;
    }
    if (cs.textOverflow === 'ellipsis' && cs.overflowX !== 'visible') {
      // Compared on letters and digits only: separators drawn apart ("·") need not be in the title.
      const words = (t) => (t || '').replace(/[^\p{L}\p{N}]+/gu, '').toLowerCase();
      const full = words(el.textContent);
      const named = [el, el.closest('[title], [aria-label]')].some((n) => n && (words(n.getAttribute('title')).includes(full) || words(n.getAttribute('aria-label')).includes(full)));
      // An ellipsis that leaves almost nothing to read is cut too hard, whatever the tooltip says.
      if (named && el.clientWidth >= 72) continue;
      problems.push(short(el) + ' is cut to ' + px(el.clientWidth) + ' with an ellipsis' + (named ? '' : ' and no title giving the full text'));
      continue;
    }
    overflowing.push({ el, over, hidden: cs.overflowX !== 'visible' });
  }
  // (b) Report the innermost box whose content sticks out; its ancestors stick out because of it.
  for (const o of overflowing) {
    if (overflowing.some((p) => p !== o && o.el.contains(p.el))) continue;
    const culprit = widest(o.el);
    problems.push(short(o.el) + ' has content ' + px(o.over) + ' wider than its box' + (o.hidden ? ', cut off' : ', drawn outside it') + (culprit ? ' (' + short(culprit) + ')' : ''));
  }

  // (c) Controls and labelled things drawn over each other.
  const controls = all.filter((el) => el.matches('button, a[href], input:not([type=hidden]), select, textarea, [role=option], [role=button], [role=tab], [role=checkbox], [role=radio], [role=switch], .chip, .badge, th, td, label, h1, h2, h3, h4') && shown(el));
  const rects = controls.map((el) => ({ el, r: el.getBoundingClientRect() }));
  const overlap = (a, b) => ({ w: Math.min(a.right, b.right) - Math.max(a.left, b.left), h: Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) });
  // An input drawn invisibly over its own label (custom checkboxes) belongs to that label.
  const related = (a, b) => a.contains(b) || b.contains(a) || (a.tagName === 'LABEL' && a.control === b) || (b.tagName === 'LABEL' && b.control === a);
  for (let i = 0; i < rects.length; i++) {
    for (let j = i + 1; j < rects.length; j++) {
      const a = rects[i], b = rects[j];
      // Boxes that do not meet cannot meet once cut; only those that do are cut to what shows.
      const raw = overlap(a.r, b.r);
      if (raw.w <= TOL || raw.h <= TOL) continue;
      if (related(a.el, b.el)) continue;
      const { w, h } = overlap(visibleNextTo(a.el, b.el), visibleNextTo(b.el, a.el));
      if (w <= TOL || h <= TOL) continue;
      if (stickyOf(a.el) !== stickyOf(b.el)) continue;
      // Cells of a table meet at their borders; cells never overlap more than that.
      if ((a.el.tagName === 'TD' || a.el.tagName === 'TH') && (b.el.tagName === 'TD' || b.el.tagName === 'TH')) continue;
      problems.push(short(a.el) + ' and ' + short(b.el) + ' overlap by ' + px(w) + ' × ' + px(h));
    }
  }

  // (d) Controls partly outside the window, or cut by an ancestor that hides overflow.
  for (const el of controls) {
    if (!el.matches('button, a[href], input:not([type=hidden]), select, textarea, [role=button], [role=tab], .chip')) continue;
    const r = el.getBoundingClientRect();
    if (r.left < -TOL || r.right > vw + TOL) {
      problems.push(short(el) + ' is partly outside the window (' + px(r.left) + ' to ' + px(r.right) + ' of ' + px(vw) + ')');
      continue;
    }
    for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
      const cs = getComputedStyle(a);
      const hideX = cs.overflowX === 'hidden' || cs.overflowX === 'clip';
      if (!hideX) continue;
      const ar = a.getBoundingClientRect();
      if (r.left < ar.left - TOL || r.right > ar.right + TOL) {
        problems.push(short(el) + ' is cut by ' + short(a) + ' that hides overflow');
        break;
      }
    }
  }

  // (e) Text squeezed to about one word per line (a column too narrow for it).
  for (const el of all) {
    if (!shown(el)) continue;
    const texts = Array.from(el.childNodes).filter((n) => n.nodeType === 3 && n.textContent.trim());
    if (!texts.length) continue;
    const words = texts.map((n) => n.textContent).join(' ').trim().split(/\s+/).length;
    if (words < 3) continue;
    const tops = new Set();
    for (const n of texts) {
      const range = document.createRange();
      range.selectNodeContents(n);
      for (const rr of Array.from(range.getClientRects())) if (rr.width > 0) tops.add(Math.round(rr.top));
    }
    const lines = tops.size;
    // Three or more lines, nearly all of them a single word ("Data / Engineering / Zoomcamp").
    if (lines >= 3 && words / lines <= 1.25) problems.push(short(el) + ' is squeezed to ' + lines + ' lines for ' + words + ' words (' + px(el.getBoundingClientRect().width) + ' wide)');
  }

  return Array.from(new Set(problems));
})()`

/** What is wrong with the layout of the page as it is now; empty when nothing is. */
export async function layoutProblems(page: Page): Promise<string[]> {
  return (await page.evaluate(LAYOUT_CHECK_SCRIPT)) as string[]
}
