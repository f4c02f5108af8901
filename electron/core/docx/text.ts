/**
 * Text as XML 1.0 allows it. Word refuses to open a file whose XML holds a control character
 * or half a surrogate pair, so such characters are dropped (portfolio text should never hold
 * them, but one bad character must not cost the person the whole document).
 */

// eslint-disable-next-line no-control-regex -- the point is to find control characters
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g

/** Drops what XML cannot hold; tabs and line breaks become spaces (a run is one line). */
export function clean(text: string): string {
  return text.replace(NOT_XML, '').replace(/[\t\r\n]+/g, ' ')
}

/** Escaped for an XML element's text. */
export function xmlText(text: string): string {
  return clean(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}
