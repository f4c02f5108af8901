/** The one member of jsonld.js the Blockcerts hash calls (the package ships no types). */
declare module 'jsonld' {
  interface CanonizeOptions {
    algorithm: 'URDNA2015' | 'RDFC-1.0'
    format: 'application/n-quads'
    documentLoader: (url: string) => Promise<{ contextUrl: string | null; documentUrl: string; document: unknown }>
    safe?: boolean
  }
  const jsonld: { canonize(input: unknown, options: CanonizeOptions): Promise<string> }
  export default jsonld
}
