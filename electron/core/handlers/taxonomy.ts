import type { Services } from '../../shared/contract'
import { notFound } from '../../shared/errors'
import { exportPack, importTaxonomy, listTaxonomySources, removeTaxonomySource } from '../taxonomy'
import type { CoreServices } from './services'

type Channel = 'taxonomy:import' | 'taxonomy:sources' | 'taxonomy:remove' | 'taxonomy:exportPack'

export const taxonomyHandlers = ({ db, now, catalog }: CoreServices): Pick<Services, Channel> => ({
  'taxonomy:import': ({ path }) => importTaxonomy(db, path, { now }),
  'taxonomy:sources': () => listTaxonomySources(db),
  'taxonomy:remove': ({ id }) => {
    if (!removeTaxonomySource(db, id)) throw notFound(`There is no imported taxonomy ${id}.`)
    return { id }
  },
  'taxonomy:exportPack': ({ source }) => {
    if (source !== 'catalog' && !listTaxonomySources(db).some((s) => s.id === source)) throw notFound(`There is no imported taxonomy ${source}.`)
    return `${JSON.stringify(exportPack(db, source, source === 'catalog' ? { catalog: catalog() } : {}), null, 2)}\n`
  },
})
