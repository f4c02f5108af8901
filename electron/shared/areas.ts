/**
 * Words for the domain areas (electron/shared/catalog.ts AREAS), so no screen, report or CLI
 * output shows a slug such as `cloud-devops`.
 */
import type { Area } from './catalog'

/** Sentence-case names, as headings and list labels show them. */
export const AREA_LABEL: Record<Area, string> = {
  data: 'Data',
  design: 'Design',
  web: 'Web',
  mobile: 'Mobile',
  software: 'Software',
  qa: 'Quality assurance',
  'cloud-devops': 'Cloud and DevOps',
  security: 'Security',
  marketing: 'Marketing',
  content: 'Content',
  product: 'Product',
  'project-management': 'Project management',
  'it-support': 'IT support',
  business: 'Business',
  general: 'General skills',
}

/** The name of an area; text that is not a known area (a custom role's own words) is returned as it is. */
export function areaLabel(area: string): string {
  return (AREA_LABEL as Record<string, string | undefined>)[area] ?? area
}

/** The name inside a sentence ("deep in data and cloud and DevOps"): lower-case, except initialisms ("IT support"). */
export function areaInSentence(area: string): string {
  const label = areaLabel(area)
  return /^[A-Z][a-z]/.test(label) ? label.charAt(0).toLowerCase() + label.slice(1) : label
}
