/**
 * The bundle's index.html: one self-contained page an employer opens from the folder. Inline
 * CSS only, no script, nothing loaded (a Content-Security-Policy of `default-src 'none'` says so
 * to the browser too); links to the issuer's pages are plain <a>. Every text from the portfolio
 * or a credential file is escaped: titles and names come from files anyone can make.
 */
import type { Credential, Project } from '../../shared/schemas'
import { TRUST_WORDS, humanDate, verificationHeadline } from '../../shared/verdict'
import type { VerificationResult } from '../../shared/verification'

export interface PageCredential {
  credential: Credential
  /** The original file in the bundle; null when typed in by hand. */
  original: { name: string; sha256: string; bytes: number } | null
  /** In presentation.json, or why not. */
  presentation: { ok: true } | { ok: false; reason: string }
}

export interface PageModel {
  ownerName: string | null
  generatedAt: Date
  credentials: readonly PageCredential[]
  projects: readonly Project[]
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

/** Escaped for element text and double-quoted attributes alike. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!)
}

const e = escapeHtml

/** A web address as a link when it is http(s), else as text: a `javascript:` URL stays words. */
function link(url: string, label?: string | null): string {
  const text = e(label?.trim() || url)
  return /^https?:\/\//i.test(url) ? `<a href="${e(url)}" rel="noopener noreferrer">${text}</a>` : text
}

const row = (label: string, value: string | null | undefined) => (value ? `<tr><th>${e(label)}</th><td>${value}</td></tr>` : '')

const CHECK_NAMES = { signature: 'Signature', issuer: 'Issuer', validity: 'Dates', status: 'Revocation' } as const

function checks(v: VerificationResult): string {
  const rows = (Object.keys(CHECK_NAMES) as (keyof typeof CHECK_NAMES)[]).map((k) => {
    const check = v[k]
    const method = k === 'signature' && v.signature.method ? ` (${e(v.signature.method)})` : ''
    return `<tr><th>${CHECK_NAMES[k]}</th><td><span class="verdict">${e(check.verdict.replace(/_/g, ' '))}</span>${method}: ${e(check.detail)}</td></tr>`
  })
  const when = humanDate(v.checkedAt) ?? v.checkedAt
  return `<table class="checks">${rows.join('')}</table>
<p class="small">Checked by Skillfolio on ${e(when)}, ${v.online ? 'with online checks' : 'offline (nothing was fetched from the web)'}.</p>`
}

/** How to check without Skillfolio, by the kind of file: only tools that exist for that kind. */
function howToCheck(format: string | null): string {
  switch (format) {
    case 'ob3':
    case 'clr2':
      return 'It is an Open Badges 3.0 / 1EdTech credential: open the file in any Open Badges 3.0 or Verifiable Credentials verifier, for example the verifier the issuer names, or the 1EdTech validator.'
    case 'vc':
    case 'edc':
      return 'It is a W3C Verifiable Credential: open the file in any Verifiable Credentials verifier, for example the one the issuer names, or check it with a VC library such as @digitalbazaar/vc.'
    case 'ob2':
    case 'ob1':
    case 'ob0.5':
      return 'It is an Open Badges 2.0 (or earlier) badge: open the file in an Open Badges validator, which also asks the issuer’s site for a hosted badge.'
    case 'blockcerts':
      return 'It is a Blockcerts certificate: open the file in a Blockcerts verifier, which also checks its blockchain record.'
    default:
      return 'Compare it with the issuer’s own record: its verification page, when it has one.'
  }
}

function credentialSection(item: PageCredential, index: number): string {
  const c = item.credential
  const word = TRUST_WORDS[c.trust]
  const v = c.verification
  const verification = c.verificationUrl ? `<p>The issuer’s page for it: ${link(c.verificationUrl)}</p>` : ''
  const details = `<table>${row('Issuer', c.issuerName ? e(c.issuerName) : null)}${row('Provider', c.provider ? e(c.provider) : null)}${row('Earned', c.earnedOn ? e(humanDate(c.earnedOn) ?? c.earnedOn) : null)}${row('Expires', c.expiresOn ? e(humanDate(c.expiresOn) ?? c.expiresOn) : null)}${row('Credential ID', c.credentialCode ? e(c.credentialCode) : null)}${row('Skills', c.skills.length ? e(c.skills.map((s) => s.name).join(', ')) : null)}</table>`
  let body: string
  if (!item.original) {
    body = `<p class="self">Self-reported: no file to check.</p>${verification}`
  } else {
    const inVp = item.presentation.ok ? 'It is also in <code>presentation.json</code>.' : `Not in <code>presentation.json</code>: ${e(item.presentation.reason)}`
    body = `${v ? `<p class="headline">${e(verificationHeadline(v))}</p>${checks(v)}` : '<p>Skillfolio has not checked this file.</p>'}
<h3>Check it yourself</h3>
<p>The original file, unchanged: <code>${e(item.original.name)}</code> (${item.original.bytes} bytes)<br>SHA-256: <code class="hash">${item.original.sha256}</code></p>
<p>${e(howToCheck(c.source?.format ?? null))} ${inVp}</p>${verification}`
  }
  return `<section class="credential" id="credential-${index + 1}">
<h2>${e(c.title)} <span class="trust trust-${c.trust}">${e(word.label)}</span></h2>
<p class="explain">${e(word.explain)}</p>
${details}
${body}
</section>`
}

function projectSection(p: Project): string {
  const dates = [p.startedOn, p.endedOn].filter((d): d is string => !!d).map((d) => humanDate(d) ?? d)
  return `<section class="project">
<h2>${e(p.title)}</h2>
<table>${row('Role', p.role ? e(p.role) : null)}${row('When', dates.length ? e(dates.join(' – ')) : null)}${row('Skills', p.skills.length ? e(p.skills.map((s) => s.name).join(', ')) : null)}${row('Credentials used', p.credentials.length ? e(p.credentials.map((c) => c.title).join(', ')) : null)}</table>
${p.summary ? `<p>${e(p.summary)}</p>` : ''}
${p.outcomes.length ? `<ul>${p.outcomes.map((o) => `<li>${e(o)}</li>`).join('')}</ul>` : ''}
${p.links.length ? `<p>Links: ${p.links.map((l) => link(l.url, l.label)).join(' · ')}</p>` : ''}
</section>`
}

const STYLE = `body{font:16px/1.5 system-ui,sans-serif;max-width:52rem;margin:2rem auto;padding:0 1rem;color:#1b1b1b}
h1{font-size:1.6rem}h2{font-size:1.25rem;margin-bottom:.25rem}h3{font-size:1rem;margin-bottom:.25rem}
section{border-top:1px solid #ccc;padding:.5rem 0 1rem}table{border-collapse:collapse}th{text-align:left;padding-right:1rem;vertical-align:top;font-weight:600}
td,th{padding-top:.15rem}.trust{font-size:.85rem;padding:.1rem .5rem;border-radius:1rem;background:#eee;white-space:nowrap}
.trust-verified{background:#d9f2dd}.trust-problem{background:#f8d7d7}.trust-expired,.trust-not_yet_valid{background:#fbecc8}
.explain,.small{color:#555;font-size:.9rem}.headline{font-weight:600}.hash{word-break:break-all}.self{font-style:italic}
code{font-size:.9em}`

export function renderPage(model: PageModel): string {
  const who = model.ownerName ? ` of ${e(model.ownerName)}` : ''
  const creds = model.credentials.length
    ? `<h1 id="credentials">Credentials${who}</h1>\n${model.credentials.map(credentialSection).join('\n')}`
    : ''
  const projects = model.projects.length ? `<h1 id="projects">Projects${who}</h1>\n${model.projects.map(projectSection).join('\n')}` : ''
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Verification bundle${who}</title>
<style>${STYLE}</style>
</head>
<body>
<header>
<p class="small">Made with Skillfolio on ${e(humanDate(model.generatedAt.toISOString()) ?? '')}. This folder holds the original credential files unchanged (in <code>originals/</code>), <code>presentation.json</code> (an unsigned W3C Verifiable Presentation of the verifiable credentials among them) and <code>manifest.json</code> (the SHA-256 of every file). The words below are what Skillfolio found; the files let anyone check them without Skillfolio. To confirm a file is the one listed, compare its SHA-256: <code>sha256sum FILE</code> (Linux), <code>shasum -a 256 FILE</code> (macOS) or <code>certutil -hashfile FILE SHA256</code> (Windows).</p>
</header>
<main>
${creds}
${projects}
</main>
</body>
</html>
`
}
