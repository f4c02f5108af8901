#!/usr/bin/env node
'use strict'
// The `skillfolio` command. The real program is bundled into out/cli/index.cjs by
// `npm run build` (scripts/build-cli.mjs); this file only finds and starts it.
const { existsSync } = require('node:fs')
const { join } = require('node:path')

const entry = join(__dirname, '..', 'out', 'cli', 'index.cjs')
if (!existsSync(entry)) {
  process.stderr.write(`skillfolio: the command line is not built yet (${entry} is missing): run npm run build first\n`)
  process.exit(1)
}
require(entry)
