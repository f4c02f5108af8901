/**
 * The verification bundle for an employer (core/share/, channel share:bundle): real signed files
 * imported first (OB 3.0 on the VC 2.0 and 1.1 contexts, a VC-JWT, an OB 2.0 badge baked in a
 * PNG), then bundled beside a credential typed by hand with a hostile title.
 */
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import jsonld from 'jsonld'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createDocumentLoader } from '../../../electron/core/verify/document-loader'
import { originalFileName } from '../../../electron/core/share/names'
import type { ShareBundle } from '../../../electron/shared/share'
import { dropFiles } from '../../helpers/badges'
import { tempPortfolio, type TempPortfolio } from '../../helpers/temp-portfolio'
import { OWN_FIXTURES } from '../verify/helpers'

const HOSTILE = `<script>alert("x")</script> & 'quoted' "title"`
const SIGNED = ['ob3-eddsa-rdfc-2022.json', 'ob3-ed25519-signature-2018.json', 'vc-jwt-eddsa.jwt']

let p: TempPortfolio
beforeEach(() => {
  p = tempPortfolio({ verifyWorkers: false })
})
afterEach(() => p.cleanup())

interface Imported {
  ids: string[]
  bytes: Map<string, Buffer>
}

/** Imports the signed fixtures and the baked OB 2.0 PNG; answers their ids and the bytes sent, by id. */
async function importSigned(): Promise<Imported> {
  const png = dropFiles().find((f) => f.name.endsWith('.png') && f.name !== 'broken.png')!
  const sources = [...SIGNED.map((name) => ({ name, bytes: readFileSync(join(OWN_FIXTURES, name)) })), { name: png.name, bytes: png.bytes }]
  const { batchId } = await p.core.call('import:start', { sources: sources.map((s) => ({ name: s.name, base64: s.bytes.toString('base64') })) })
  await p.core.idle()
  const report = await p.core.call('import:status', { batchId })
  expect(report.items.map((i) => i.outcome)).toEqual(['imported', 'imported', 'imported', 'imported'])
  const ids = report.items.map((i) => i.credentialId!)
  return { ids, bytes: new Map(ids.map((id, n) => [id, sources[n]!.bytes])) }
}

const fileOf = (bundle: ShareBundle, name: string) => {
  const file = bundle.files.find((f) => f.name === name)
  if (!file) throw new Error(`no ${name} in ${bundle.files.map((f) => f.name).join(', ')}`)
  return Buffer.from(file.base64, 'base64')
}
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex')

/** jsonld.js's expand and compact (the project's declaration of 'jsonld' names only canonize). */
type Loader = ReturnType<typeof createDocumentLoader>
const ld = jsonld as unknown as {
  expand(input: unknown, options: { documentLoader: Loader; safe: boolean }): Promise<Record<string, unknown>[]>
  compact(input: unknown, context: string, options: { documentLoader: Loader; safe: boolean }): Promise<Record<string, unknown>>
}

describe('share:bundle', () => {
  it('keeps every original byte for byte under a safe unique name, and the manifest hashes every file', async () => {
    const { ids, bytes } = await importSigned()
    const bundle = await p.core.call('share:bundle', { credentialIds: ids })
    const originals = bundle.files.filter((f) => f.name.startsWith('originals/'))
    expect(originals).toHaveLength(4)
    for (const [n, id] of ids.entries()) {
      const file = originals[n]!
      expect(file.name).toMatch(new RegExp(`^originals/${id}-[A-Za-z0-9._-]+\\.(json|jwt|png)$`))
      expect(Buffer.from(file.base64, 'base64').equals(bytes.get(id)!)).toBe(true)
    }
    const manifest = JSON.parse(fileOf(bundle, 'manifest.json').toString('utf8')) as { files: { name: string; sha256: string; bytes: number }[] }
    expect(manifest.files.map((f) => f.name).sort()).toEqual(bundle.files.map((f) => f.name).filter((n) => n !== 'manifest.json').sort())
    for (const entry of manifest.files) expect(entry.sha256).toBe(sha256(fileOf(bundle, entry.name)))
    expect(bundle.summary).toMatchObject({ credentials: 4, originals: 4, selfReported: 0, inPresentation: 3 })
    expect(bundle.summary.notInPresentation.map((l) => l.id)).toEqual([ids[3]])
  })

  it('wraps the verifiable credentials in a VC 2.0 presentation that expands as JSON-LD with the bundled contexts', async () => {
    const { ids, bytes } = await importSigned()
    const bundle = await p.core.call('share:bundle', { credentialIds: ids })
    const vp = JSON.parse(fileOf(bundle, 'presentation.json').toString('utf8')) as Record<string, unknown> & { verifiableCredential: Record<string, unknown>[] }
    expect(vp['@context']).toEqual(['https://www.w3.org/ns/credentials/v2'])
    expect(vp.type).toEqual(['VerifiablePresentation'])
    expect(vp).not.toHaveProperty('holder')
    const [v2, v1, jwt] = vp.verifiableCredential
    expect(v2).toEqual(JSON.parse(bytes.get(ids[0]!)!.toString('utf8')))
    expect(v1).toEqual(JSON.parse(bytes.get(ids[1]!)!.toString('utf8')))
    // A VC-JWT with a `vc` claim (Open Badges 3.0 style) is a plain JWT, enveloped as VC 2.0 says.
    expect(jwt).toEqual({ '@context': 'https://www.w3.org/ns/credentials/v2', id: `data:application/jwt,${bytes.get(ids[2]!)!.toString('utf8').trim()}`, type: 'EnvelopedVerifiableCredential' })

    const documentLoader = createDocumentLoader()
    const expanded = await ld.expand(vp, { documentLoader, safe: true })
    expect(expanded).toHaveLength(1)
    expect(expanded[0]!['@type']).toEqual(['https://www.w3.org/2018/credentials#VerifiablePresentation'])
    const held = expanded[0]!['https://www.w3.org/2018/credentials#verifiableCredential'] as unknown[]
    expect(held).toHaveLength(3)
    const compacted = await ld.compact(vp, 'https://www.w3.org/ns/credentials/v2', { documentLoader, safe: true })
    expect(compacted.type).toBe('VerifiablePresentation')
  })

  it('lists every credential with its trust word and what was checked, escapes hostile text and loads nothing', async () => {
    const { ids } = await importSigned()
    const typed = await p.core.call('credentials:create', { title: HOSTILE, kind: 'platform', issuerName: `"Evil" <Issuer>` })
    const project = await p.core.call('projects:create', {
      title: `Project ${HOSTILE}`,
      summary: '</p><iframe src="https://evil.test"></iframe>',
      outcomes: ['Cut costs by 30% <b>fast</b>'],
      links: [{ label: 'Code <here>', url: 'https://git.example.test/project' }],
      skills: [{ name: 'Data pipeline design' }],
    })
    const bundle = await p.core.call('share:bundle', { credentialIds: [...ids, typed.id], projectIds: [project.id] })
    const html = fileOf(bundle, 'index.html').toString('utf8')

    for (const id of ids) {
      const c = await p.core.call('credentials:get', { id })
      expect(html).toContain(c.title.replace(/&/g, '&amp;'))
      expect(c.verification).not.toBeNull()
    }
    expect(html).toContain('Verified')
    expect(html).toContain('Signature valid · issuer confirmed (did:key)')
    expect(html).toContain('Self-reported: no file to check.')
    // Escaped, never live.
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;quoted&#39; &quot;title&quot;')
    expect(html).toContain('&quot;Evil&quot; &lt;Issuer&gt;')
    expect(html).toContain('&lt;/p&gt;&lt;iframe')
    // No element loads anything: no script, frame, image or stylesheet link, no src= in a tag, no url() or @import in the style.
    const tags = html.match(/<[^>]+>/g) ?? []
    expect(tags.filter((t) => /^<\/?(script|iframe|img|link|object|embed|base)\b/i.test(t) || /\bsrc\s*=/i.test(t))).toEqual([])
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)![1]!
    expect(style).not.toMatch(/url\(|@import/i)
    // Links are plain <a> to web pages (the project's, the issuer's hosted badge); none is loaded by the page.
    const hrefs = tags.filter((t) => /\bhref\s*=/i.test(t))
    expect(hrefs.length).toBeGreaterThan(0)
    for (const a of hrefs) expect(a).toMatch(/^<a href="https:\/\/[^"]+" rel="noopener noreferrer">$/)
    expect(hrefs).toContain('<a href="https://git.example.test/project" rel="noopener noreferrer">')
    expect(html).toContain('Code &lt;here&gt;</a>')
    // The SHA-256 of each original, as the manifest has it.
    for (const f of bundle.files.filter((f) => f.name.startsWith('originals/'))) {
      expect(html).toContain(f.name)
      expect(html).toContain(sha256(Buffer.from(f.base64, 'base64')))
    }
    expect(bundle.summary).toMatchObject({ credentials: 5, projects: 1, originals: 4, selfReported: 1 })
  })

  it('refuses an empty choice and names an unknown id, writing nothing', async () => {
    await expect(p.core.call('share:bundle', {})).rejects.toMatchObject({ code: 'BAD_INPUT' })
    await expect(p.core.call('share:bundle', { credentialIds: ['cred-999'] })).rejects.toMatchObject({ code: 'NOT_FOUND' })
    await expect(p.core.call('share:bundle', { credentialIds: ['proj-1'] })).rejects.toMatchObject({ code: 'BAD_INPUT' })
  })
})

describe('original file names in the bundle', () => {
  it('are portable, stay inside originals/ and keep a sensible extension whatever the stored name', () => {
    expect(originalFileName('cred-1', '../../etc/passwd', 'application/json')).toBe('originals/cred-1-passwd.json')
    expect(originalFileName('cred-2', 'C:\\Users\\ada\\<b>"badge" é.PNG', 'image/png')).toBe('originals/cred-2-b-badge-e.png')
    expect(originalFileName('cred-3', '....', 'image/svg+xml')).toBe('originals/cred-3.svg')
    expect(originalFileName('cred-4', 'token', 'application/x-unknown')).toBe('originals/cred-4-token.bin')
    const long = originalFileName('cred-5', `${'a'.repeat(300)}.json`, 'application/json')
    expect(long).toBe(`originals/cred-5-${'a'.repeat(60)}.json`)
  })
})
