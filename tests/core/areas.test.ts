import { describe, expect, it } from 'vitest'
import { AREA_LABEL, areaInSentence, areaLabel } from '../../electron/shared/areas'
import { AREAS } from '../../electron/shared/catalog'

describe('area names', () => {
  it('names every area in words, never as its slug', () => {
    for (const area of AREAS) {
      expect(AREA_LABEL[area]).toMatch(/^[A-Z][A-Za-z ]+$/)
      expect(AREA_LABEL[area]).not.toContain('-')
    }
    expect(areaLabel('cloud-devops')).toBe('Cloud and DevOps')
  })

  it('lower-cases a name inside a sentence but keeps initialisms, and passes unknown text through', () => {
    expect(areaInSentence('cloud-devops')).toBe('cloud and DevOps')
    expect(areaInSentence('it-support')).toBe('IT support')
    expect(areaLabel('Warehouse robotics')).toBe('Warehouse robotics')
  })
})
