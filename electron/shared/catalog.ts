/**
 * Constants of the skill catalog that the core and the renderer both need: the domain areas
 * (breadth/depth) and the categories of catalog skills. The core's catalog loader validates
 * against these; the renderer labels with them.
 */

/** Domain areas used for breadth/depth. Every skill and role has exactly one. */
export const AREAS = [
  'data',
  'design',
  'web',
  'mobile',
  'software',
  'qa',
  'cloud-devops',
  'security',
  'marketing',
  'content',
  'product',
  'project-management',
  'it-support',
  'business',
  'general',
] as const
export type Area = (typeof AREAS)[number]

/** Categories of catalog skills; `transversal` skills (communication, problem solving …) are grouped apart in every view. */
export const CATALOG_CATEGORIES = ['technology', 'knowledge', 'transversal'] as const
export type CatalogCategory = (typeof CATALOG_CATEGORIES)[number]
