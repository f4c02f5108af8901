/**
 * Every screen at the smallest supported window (1024 × 700) and a common laptop one
 * (1440 × 900): nothing scrolls sideways, sticks out, overlaps or is squeezed to a word per
 * line (layout-checks.ts says what it looks for). Every state is also left as screenshots,
 * layout-<width>-<state>-light/-dark.png, for a person to look at.
 * Beyond the shared list of screens: a role with a plan, and the posting review with its
 * found skills and reasons. Same harness and skip rules as portfolio.test.ts.
 */
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { CHROMIUM, shootLightAndDark } from '../helpers/browser'
import { appSession, type Running } from './harness'
import { layoutProblems } from './layout-checks'
import { SCREEN_STATES, showState, type ScreenState } from './screens'
import { DATA_ANALYST_POSTING } from './postings'

const VIEWPORTS = [
  { width: 1024, height: 700, shots: true },
  { width: 1440, height: 900, shots: true },
] as const

/** States that need data made first: a plan for a catalog role, and a posting read for skills. */
function extraStates(r: Running): ScreenState[] {
  return [
    {
      name: 'role-plan-steps',
      hash: '#/roles',
      open: async (page: Page) => {
        const ref = 'catalog:data-analyst'
        const plans = await r.portfolio.core.call('plans:list', {})
        const plan = plans.find((p) => p.roleRef === ref) ?? (await r.portfolio.core.call('plans:create', { ref, constraints: { hoursPerWeek: 6 } }))
        await page.evaluate(`location.hash = ${JSON.stringify(`#/roles/${encodeURIComponent(ref)}?plan=${plan.id}`)}`)
        await page.locator('.detail-pane').getByRole('list', { name: 'Plan steps' }).getByRole('listitem').first().waitFor()
        await page.locator('.plan').first().scrollIntoViewIfNeeded()
      },
    },
    {
      name: 'role-posting-review',
      hash: '#/roles/new-posting',
      open: async (page: Page) => {
        await page.getByLabel('Job posting').fill(DATA_ANALYST_POSTING)
        await page.getByRole('button', { name: 'Find skills' }).click()
        const found = page.getByRole('list', { name: 'Found skills' })
        await found.getByRole('listitem').first().waitFor()
        await found.scrollIntoViewIfNeeded()
      },
    },
  ]
}

// Broken on purpose, one of each kind the check looks for, built with the CSSOM (the CSP allows it).
const BROKEN_FIXTURE = `(() => {
  const host = document.querySelector('.page');
  const box = (style, parent = host) => {
    const el = document.createElement('div');
    Object.assign(el.style, { flex: 'none' }, style);
    parent.appendChild(el);
    return el;
  };
  const wide = box({ width: '200px' });
  box({ width: '900px', height: '10px' }, wide).className = 'fixture-too-wide';
  const pair = box({ position: 'relative', height: '40px' });
  for (const left of ['0px', '30px']) {
    const b = document.createElement('button');
    b.textContent = 'Fixture overlap';
    Object.assign(b.style, { position: 'absolute', left, width: '120px' });
    pair.appendChild(b);
  }
  const cut = box({ width: '100px', overflow: 'hidden', position: 'relative', height: '40px' });
  const c = document.createElement('button');
  c.textContent = 'Fixture cut';
  Object.assign(c.style, { position: 'absolute', left: '60px', width: '90px' });
  cut.appendChild(c);
  const h = document.createElement('h3');
  h.textContent = 'Fixture squeezed heading text';
  Object.assign(h.style, { width: '40px', flex: 'none' });
  host.appendChild(h);
  const e = box({ width: '60px', whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' });
  e.textContent = 'Fixture truncated without a title';
})()`

describe.skipIf(CHROMIUM.skip)(CHROMIUM.title('layout at 1024 × 700 and 1440 × 900'), () => {
  const session = appSession()

  it('finds overflow, overlap, cut controls and squeezed text when the layout is broken', async () => {
    const r = await session.start({ hash: '#/about', demo: true, viewport: { width: 1024, height: 700 } })
    await r.page.getByRole('heading', { name: 'Versions' }).waitFor()
    expect(await layoutProblems(r.page)).toEqual([])
    await r.page.evaluate(BROKEN_FIXTURE)
    const problems = await layoutProblems(r.page)
    const expected = [
      /scrolls sideways .*fixture-too-wide/,
      /button "Fixture overlap" and button "Fixture overlap" overlap by/,
      /button "Fixture cut" is cut by div/,
      /h3 "Fixture squeezed heading text" is squeezed to \d+ lines for 4 words/,
      /div "Fixture truncated without a title" is cut to 60px with an ellipsis and no title/,
    ]
    for (const pattern of expected) expect(problems.some((p) => pattern.test(p)), `${pattern} in:\n${problems.join('\n')}`).toBe(true)
    await r.done()
  })

  for (const viewport of VIEWPORTS) {
    it(`lays out every screen at ${viewport.width} × ${viewport.height} without overflow or overlap`, async () => {
      const r = await session.start({ hash: '#/credentials', demo: true, viewport: { width: viewport.width, height: viewport.height } })
      const found: Record<string, string[]> = {}
      for (const state of [...SCREEN_STATES, ...extraStates(r)]) {
        await showState(r.page, state)
        // The Roles overview's spend table is below the list of roles' fits: check it in view too.
        if (state.name === 'roles') await r.page.getByRole('table', { name: 'Time and money per credential' }).scrollIntoViewIfNeeded()
        const problems = await layoutProblems(r.page)
        if (problems.length) found[state.name] = problems
        if (viewport.shots) await shootLightAndDark(r.page, `layout-${viewport.width}-${state.name}`)
      }
      expect(found).toEqual({})
      await r.done()
    }, 240_000)
  }
})
