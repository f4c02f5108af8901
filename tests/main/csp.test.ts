import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { CSP } from '../../electron/main/csp'
import { built } from '../helpers/requirements'

const root = join(__dirname, '..', '..')

function directives(policy: string): Map<string, string[]> {
  const map = new Map<string, string[]>()
  for (const part of policy.split(';')) {
    const [name, ...values] = part.trim().split(/\s+/)
    if (name) map.set(name.toLowerCase(), values)
  }
  return map
}

/** The content of <meta http-equiv="Content-Security-Policy" content="...">, attribute order free. */
function metaCsp(html: string): string[] {
  const found: string[] = []
  for (const tag of html.match(/<meta\b[^>]*>/gi) ?? []) {
    if (!/http-equiv\s*=\s*["']content-security-policy["']/i.test(tag)) continue
    const content = /\bcontent\s*=\s*"([^"]*)"/i.exec(tag) ?? /\bcontent\s*=\s*'([^']*)'/i.exec(tag)
    found.push((content?.[1] ?? '').replace(/&#39;|&apos;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, '&'))
  }
  return found
}

const normalise = (policy: string) => policy.trim().replace(/\s+/g, ' ').replace(/\s*;\s*/g, '; ').replace(/;\s*$/, '')

/** The page (relative to the repo) has one CSP meta tag, equal to the shell's policy. */
function expectShellPolicy(label: string): void {
  const metas = metaCsp(readFileSync(join(root, label), 'utf8'))
  expect(metas, `${label} needs one <meta http-equiv="Content-Security-Policy">`).toHaveLength(1)
  const policy = metas[0]!
  const script = directives(policy).get('script-src') ?? directives(policy).get('default-src') ?? []
  expect(script).not.toContain("'unsafe-inline'")
  expect(script).not.toContain("'unsafe-eval'")
  expect(normalise(policy)).toBe(normalise(CSP))
}

describe('content security policy', () => {
  it('allows no inline or eval script and no plugins, base or form targets', () => {
    const d = directives(CSP)
    expect(d.get('default-src')).toEqual(["'self'"])
    expect(d.get('script-src')).toEqual(["'self'"])
    expect(CSP).not.toMatch(/unsafe-inline|unsafe-eval|unsafe-hashes|wasm-unsafe-eval|\*/)
    expect(d.get('object-src')).toEqual(["'none'"])
    expect(d.get('base-uri')).toEqual(["'none'"])
    expect(d.get('form-action')).toEqual(["'none'"])
    expect(d.get('frame-ancestors')).toEqual(["'none'"])
    // no remote origins: the app works offline and never loads code from the network
    expect(CSP).not.toMatch(/https?:/)
  })

  // renderer/index.html is in the repo; its built copy needs `npm run build` (CI runs it first).
  it("renderer/index.html carries exactly the shell's policy", () => expectShellPolicy('renderer/index.html'))

  const renderer = built('out/renderer/index.html')
  it.skipIf(renderer.skip)(renderer.title("out/renderer/index.html (the build) carries exactly the shell's policy"), () => {
    renderer.check()
    expectShellPolicy('out/renderer/index.html')
  })
})
