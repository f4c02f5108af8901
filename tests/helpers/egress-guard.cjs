/**
 * Network-egress guard for the core and command-line tests (issue 13): with online checks off
 * (the tests answer online lookups with stand-ins), Skillfolio must never open a connection to
 * anything but this computer. Every TCP connection (net, tls, http, https, fetch: all of them
 * end in net.Socket#connect) and every DNS lookup of a name other than localhost is refused
 * here with an error, as a closed network would, and recorded: the node project's setup file
 * (egress-setup.ts) fails the test that made it. Child processes load this file too
 * (NODE_OPTIONS=--require) and record into the file named by SKILLFOLIO_EGRESS_LOG.
 *
 * CommonJS on purpose: `node --require` loads it before any test or CLI code.
 */
'use strict'
const net = require('node:net')
const dns = require('node:dns')
const fs = require('node:fs')

const GUARD = Symbol.for('skillfolio.egressGuard')

function isLocalHost(host) {
  if (host === undefined || host === null || host === '') return true // Node's default is localhost
  const h = String(host).toLowerCase().replace(/^\[|\]$/g, '')
  return h === 'localhost' || h === '::1' || h === '0:0:0:0:0:0:0:1' || /^127\.\d+\.\d+\.\d+$/.test(h) || h === '::ffff:127.0.0.1'
}

function install() {
  if (globalThis[GUARD]) return globalThis[GUARD]
  const state = { violations: [] }
  globalThis[GUARD] = state
  const logFile = process.env.SKILLFOLIO_EGRESS_LOG

  const record = (what) => {
    const stack = (new Error().stack || '').split('\n').slice(3, 9).join('\n')
    state.violations.push({ what, stack })
    if (logFile) {
      try {
        fs.appendFileSync(logFile, `${JSON.stringify({ pid: process.pid, what, argv: process.argv.slice(1, 4) })}\n`)
      } catch {
        // the in-process record still fails the test
      }
    }
    return new Error(`Egress guard: ${what} refused (tests allow connections to 127.0.0.1 only)`)
  }

  const connect = net.Socket.prototype.connect
  net.Socket.prototype.connect = function guardedConnect(...args) {
    // net.connect() passes its normalized arguments as one array: [options, callback].
    const first = Array.isArray(args[0]) ? args[0][0] : args[0]
    const options = first !== null && typeof first === 'object' ? first : null
    const path = options ? options.path : typeof first === 'string' && !/^\d+$/.test(first) ? first : undefined
    if (!path) {
      const host = options ? options.host : typeof args[1] === 'string' ? args[1] : undefined
      const port = options ? options.port : first
      if (!isLocalHost(host)) {
        const error = record(`a connection to ${host}:${port}`)
        error.code = 'ECONNREFUSED'
        process.nextTick(() => this.destroy(error))
        return this
      }
    }
    return connect.apply(this, args)
  }

  const lookup = dns.lookup
  dns.lookup = function guardedLookup(hostname, ...rest) {
    if (!isLocalHost(hostname)) {
      const error = record(`a DNS lookup of ${hostname}`)
      error.code = 'ENOTFOUND'
      const callback = rest[rest.length - 1]
      if (typeof callback === 'function') process.nextTick(() => callback(error))
      return {}
    }
    return lookup.call(this, hostname, ...rest)
  }
  const promiseLookup = dns.promises.lookup
  dns.promises.lookup = function guardedPromiseLookup(hostname, ...rest) {
    if (!isLocalHost(hostname)) {
      const error = record(`a DNS lookup of ${hostname}`)
      error.code = 'ENOTFOUND'
      return Promise.reject(error)
    }
    return promiseLookup.call(this, hostname, ...rest)
  }
  return state
}

module.exports = { install, isLocalHost, GUARD }
install()
