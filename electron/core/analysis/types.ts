/**
 * Types of the analysis core (issue 4): the built-in catalog as this module reads it, and
 * small shared shapes. Pure TypeScript.
 *
 * The catalog interfaces are structural and read-only, so the catalog loaded and validated by
 * electron/core/taxonomy/catalog.ts (`loadCatalog(resourcesDir)`) fits them as it is, and tests
 * can pass a hand-built one.
 */
import type { Area, CatalogCategory } from '../../shared/catalog'

export { AREAS, CATALOG_CATEGORIES, type Area, type CatalogCategory } from '../../shared/catalog'

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
  /** Catalog ids of the broader skills this one is a case of (PostgreSQL → Relational databases). */
  readonly broader?: readonly string[]
  /** Catalog ids of skills this one gives partial evidence for (AWS → Cloud computing). */
  readonly implies?: readonly string[]
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

export { DEPTHS, type Depth } from '../../shared/evidence'

/** Money (minor units of one currency) and a role reference (`catalog:<id>` or `custom:<n>`). */
export type { MoneyAmount, RoleRefString as RoleRef } from '../../shared/analysis'
