/**
 * The small badge image at the start of a credential row, or a neutral icon when the credential
 * has none. Decorative (`alt=""`): the title is beside it.
 *
 * Images load only for rows on screen (one shared IntersectionObserver, a screen's height of
 * margin) and are kept in memory per SHA-256, so scrolling back never asks the core again. The
 * cache holds the most recently used images, so a huge portfolio does not hold every data: URL.
 */
import { useEffect, useRef, useState } from 'react'
import { call } from '../../api'
import { Icon } from '../../ui/Icon'

const CACHE_SIZE = 300
/** Resolved images (null: none could be read), most recently used last. */
const images = new Map<string, string | null>()
const pending = new Map<string, Promise<string | null>>()

function remember(sha256: string, url: string | null) {
  images.delete(sha256)
  images.set(sha256, url)
  if (images.size > CACHE_SIZE) images.delete(images.keys().next().value!)
}

function loadImage(sha256: string): Promise<string | null> {
  let p = pending.get(sha256)
  if (!p) {
    // A missing or unreadable image is remembered as none: the row keeps its icon, no retry loop.
    p = call('evidence:image', { sha256 }).then(
      (r) => r.dataUrl,
      () => null,
    )
    p.then((url) => {
      remember(sha256, url)
      pending.delete(sha256)
    }).catch(() => undefined)
    pending.set(sha256, p)
  }
  return p
}

type Visible = () => void
const waiting = new WeakMap<Element, Visible>()
let shared: IntersectionObserver | null = null

/** Calls `onVisible` once, when `el` comes near the screen. */
function whenVisible(el: Element, onVisible: Visible): () => void {
  shared ??= new IntersectionObserver(
    (entries) => {
      for (const e of entries) {
        if (!e.isIntersecting) continue
        const fn = waiting.get(e.target)
        shared?.unobserve(e.target)
        waiting.delete(e.target)
        fn?.()
      }
    },
    { rootMargin: '100% 0px' },
  )
  waiting.set(el, onVisible)
  shared.observe(el)
  return () => {
    shared?.unobserve(el)
    waiting.delete(el)
  }
}

export function BadgeThumb({ sha256 }: { sha256: string | null }) {
  const ref = useRef<HTMLSpanElement>(null)
  const [loaded, setLoaded] = useState<{ sha256: string; url: string | null } | null>(null)
  const url = !sha256 ? null : loaded?.sha256 === sha256 ? loaded.url : (images.get(sha256) ?? null)

  useEffect(() => {
    const el = ref.current
    if (!sha256 || images.has(sha256) || !el) return
    let live = true
    const stop = whenVisible(el, () => {
      void loadImage(sha256).then((found) => {
        if (live) setLoaded({ sha256, url: found })
      })
    })
    return () => {
      live = false
      stop()
    }
  }, [sha256])

  return (
    <span ref={ref} className={url ? 'row-thumb has-image' : 'row-thumb'} aria-hidden="true" data-thumb={url ? 'image' : 'icon'}>
      {url ? <img src={url} alt="" decoding="async" draggable={false} /> : <Icon name="award" size={18} />}
    </span>
  )
}
