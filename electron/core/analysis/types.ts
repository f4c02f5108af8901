/**
 * Types of the analysis core (issue 4): the built-in catalog as this module reads it, and
 * small shared shapes. Pure TypeScript.
 *
 * The catalog interfaces are structural and read-only, so the catalog loaded and validated by
 * electron/core/taxonomy/catalog.ts (`loadCatalog(resourcesDir)`) fits them as it is, and tests
 * can pass a hand-built one.
 */
import type { Area } from '../taxonomy/catalog'

export { AREAS, type Area } from '../taxonomy/catalog'

export const CATALOG_CATEGORIES = ['technology', 'knowledge', 'transversal'] as const
export type CatalogCategory = (typeof CATALOG_CATEGORIES)[number]

export interface CatalogSkill {
  readonly id: string
  readonly name: string
  readonly category: CatalogCategory
  readonly area: Area
  readonly aliases: readonly string[]
  readonly abbreviations: readonly string[]
  /** A word that is a skill only in context: "Go", "R", "Excel" (also a verb). */
  readonly contextOnly: boolean
  readonly escoUri: string | null
}

export interface CatalogRoleSkill {
  readonly skill: string
  readonly weight: number
  readonly essential: boolean
}

export interface CatalogRole {
  readonly id: string
  readonly title: string
  readonly area: Area
  readonly onetSoc: string | null
  readonly escoUri: string | null
  readonly alternateTitles: readonly string[]
  readonly description: string | null
  readonly skills: readonly CatalogRoleSkill[]
}

/** What the analysis needs from the catalog (the taxonomy module's `Catalog` satisfies it). */
export interface CatalogData {
  readonly skills: readonly CatalogSkill[]
  readonly roles: readonly CatalogRole[]
}

/** Evidence depth of one skill; the rules are in README.md. */
export const DEPTHS = ['none', 'learned', 'applied', 'proven'] as const
export type Depth = (typeof DEPTHS)[number]

/** Money in integer minor units of one currency; amounts are never converted. */
export interface MoneyAmount {
  amountMinor: number
  currency: string
}

/**
 * A role to analyse: `catalog:<id>` for a built-in role, `custom:<row id>` for a role the
 * user made or saved from a posting (tables role / role_skill).
 */
export type RoleRef = `catalog:${string}` | `custom:${number}`
