/**
 * Badge files for the end-to-end tests and the screenshots, made here: Open Badges 2.0 hosted
 * assertions (one as JSON, one baked into tests/fixtures/importers/plain.png) and a broken file
 * (JSON text named .png). `hostedFetch` stands in for the issuer's web site when online checks
 * are on, and can hold its answers back so a batch stays visibly "running".
 */
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { bakePng } from '../../electron/core/importers/bake'

export interface TestFile {
  name: string
  type: string
  bytes: Buffer
}

export const PLAIN_PNG = resolve(__dirname, '../fixtures/importers/plain.png')
export const SIGNED_OB3 = resolve(__dirname, '../fixtures/verify/ob3-eddsa-rdfc-2022.json')

const ISSUER = { type: 'Profile', id: 'https://badges.skillfolio.test/e2e/issuer', name: 'Skillfolio E2E Academy', url: 'https://academy.skillfolio.test' }

/** An OB 2.0 hosted assertion with its badge class and issuer embedded. */
export function assertion(n: number, name: string, options: { issuedOn?: string; skills?: string[]; description?: string } = {}): Record<string, unknown> {
  const salt = `salt-${n}`
  return {
    '@context': 'https://w3id.org/openbadges/v2',
    type: 'Assertion',
    id: `https://badges.skillfolio.test/e2e/assertions/${n}`,
    recipient: { type: 'email', hashed: true, salt, identity: `sha256$${createHash('sha256').update(`sam@example.test${salt}`).digest('hex')}` },
    issuedOn: options.issuedOn ?? '2025-04-01T09:00:00Z',
    badge: {
      type: 'BadgeClass',
      id: `https://badges.skillfolio.test/e2e/badges/${n}`,
      name,
      description: options.description ?? `Awarded for completing ${name}.`,
      criteria: { narrative: `Pass the ${name} assessment with 80% or more.` },
      alignment: (options.skills ?? []).map((targetName) => ({ targetName, targetFramework: 'Skillfolio E2E' })),
      issuer: ISSUER,
    },
    verification: { type: 'HostedBadge' },
  }
}

const json = (value: unknown) => Buffer.from(JSON.stringify(value, null, 2))

export const PIPELINES = assertion(1, 'Data Pipelines Practitioner', { skills: ['Data pipeline design', 'Airflow'] })
export const CLOUD = assertion(2, 'Cloud Security Basics', { skills: ['Cloud security'] })

/** Two good badges (JSON, baked PNG) and one broken file. */
export function dropFiles(): TestFile[] {
  return [
    { name: 'data-pipelines.json', type: 'application/json', bytes: json(PIPELINES) },
    { name: 'cloud-security.png', type: 'image/png', bytes: Buffer.from(bakePng(readFileSync(PLAIN_PNG), 'openbadges', JSON.stringify(CLOUD))) },
    { name: 'broken.png', type: 'image/png', bytes: Buffer.from('{ "note": "this is JSON text saved as a picture" }\n') },
  ]
}

export function jsonFile(name: string, value: unknown): TestFile {
  return { name, type: 'application/json', bytes: json(value) }
}

/** The issuer's web site for online checks: serves the hosted assertions it was given. */
export function hostedFetch(assertions: Array<Record<string, unknown>>) {
  const byUrl = new Map(assertions.map((a) => [a.id as string, a]))
  let held: Promise<void> | null = null
  let release = () => {}
  const fetches: string[] = []
  return {
    fetches,
    /** Answers wait until `release()`. */
    hold() {
      held = new Promise<void>((ok) => (release = ok))
    },
    release() {
      held = null
      release()
    },
    fetchJson: async (url: string): Promise<unknown> => {
      fetches.push(url)
      if (held) await held
      const doc = byUrl.get(url)
      if (!doc) throw new Error(`404 for ${url}`)
      return structuredClone(doc)
    },
  }
}
