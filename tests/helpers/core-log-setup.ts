/** Setup file of the node project: each test ends with no error in the core's log it did not expect (tests/helpers/core-log.ts). */
import { afterAll, afterEach } from 'vitest'
import { checkCoreLog } from './core-log'

afterEach(() => checkCoreLog('during this test'))
// Errors logged outside any test: in a beforeAll, or by work still running after the last test.
afterAll(() => checkCoreLog('outside the tests of this file'))
