import { ENTITY_PREFIX, type EntityType } from '../../shared/schemas'
import { badInput } from '../../shared/errors'

/** Database rows have integer keys; everything outside the core sees `cred-12`-style ids. */
export function toPublicId(entity: EntityType, rowId: number | bigint): string {
  return `${ENTITY_PREFIX[entity]}-${rowId}`
}

export function toRowId(entity: EntityType, publicId: string): number {
  const prefix = `${ENTITY_PREFIX[entity]}-`
  const n = publicId.startsWith(prefix) ? Number(publicId.slice(prefix.length)) : NaN
  if (!Number.isSafeInteger(n) || n < 1) throw badInput(`"${publicId}" is not a ${entity} id`)
  return n
}

export function entityOf(publicId: string): EntityType | null {
  const prefix = publicId.split('-')[0]
  const hit = Object.entries(ENTITY_PREFIX).find(([, p]) => p === prefix)
  return hit ? (hit[0] as EntityType) : null
}
