/**
 * The renderer runs under `script-src 'self'` (no eval). zod would probe `new Function`
 * to compile fast parsers and trip the CSP; tell it not to. Imported first by main.tsx.
 */
import { z } from 'zod'

z.config({ jitless: true })
