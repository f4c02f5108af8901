import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { AboutInfo } from '../../shared/analysis'
import { catalogDir } from './catalog'

/** The O*NET and ESCO attribution texts shipped with the built-in catalog. */
export function readAttribution(resourcesDir: string): AboutInfo['attribution'] {
  const raw = JSON.parse(readFileSync(join(catalogDir(resourcesDir), 'attribution.json'), 'utf8')) as Partial<Record<'onet' | 'esco', unknown>>
  return { onet: typeof raw.onet === 'string' ? raw.onet : '', esco: typeof raw.esco === 'string' ? raw.esco : '' }
}
