/**
 * The live preview: the real PDF drawn by pdf.js into canvases (fit to the pane's width, sharp
 * at the screen's pixel ratio), or the text pdf.js extracts from it, page by page. Each new page
 * is drawn off-screen and replaces its old self as soon as it is ready, page 1 first, so the page
 * in view updates soonest, the others stay visible (under "Updating…") and nothing flashes.
 */
import { useEffect, useRef, useState } from 'react'

export type PreviewMode = 'pages' | 'text'

interface View {
  base64: string | null
  width: number
  error: string | null
}

const PAD = 28
const MAX_WIDTH = 860

/** pdf.js is loaded with the first preview, so the rest of the app does not carry it. */
const loadPdfLib = () => import('./pdf')

function message(error: unknown): string {
  return error instanceof Error && error.message ? error.message : 'The PDF could not be read.'
}

export function PdfView({ base64, mode, onBusy }: { base64: string | null; mode: PreviewMode; onBusy: (busy: boolean) => void }) {
  const scrollRef = useRef<HTMLDivElement>(null)
  const pagesRef = useRef<HTMLDivElement>(null)
  const [width, setWidth] = useState(0)
  const [view, setView] = useState<View>({ base64: null, width: 0, error: null })
  const [texts, setTexts] = useState<{ base64: string | null; pages: string[] }>({ base64: null, pages: [] })

  // Fit to width: follow the pane's size (settled, so dragging a window edge does not re-render every frame).
  useEffect(() => {
    const el = scrollRef.current
    if (!el) return
    let t: ReturnType<typeof setTimeout> | undefined
    const measure = () => {
      const available = Math.min(MAX_WIDTH, Math.max(240, el.clientWidth - PAD * 2))
      setWidth((w) => (Math.abs(w - available) >= 2 ? Math.floor(available) : w))
    }
    const observer = new ResizeObserver(() => {
      clearTimeout(t)
      t = setTimeout(measure, 80)
    })
    observer.observe(el)
    measure()
    return () => {
      clearTimeout(t)
      observer.disconnect()
    }
  }, [])

  // The pages: each drawn off-screen, then swapped in for the old one.
  useEffect(() => {
    if (!base64 || width <= 0) return
    let stale = false
    const run = async () => {
      try {
        const { documentFor, renderPages } = await loadPdfLib()
        const pdf = await documentFor(base64)
        if (stale) return
        const holder = pagesRef.current
        if (!holder) return
        const count = await renderPages(pdf, width, window.devicePixelRatio || 1, () => stale, (i, p) => {
          const page = document.createElement('div')
          page.className = 'pdf-page'
          page.setAttribute('role', 'img')
          page.setAttribute('aria-label', `Page ${i + 1} of ${pdf.numPages}`)
          page.dataset.page = String(i + 1)
          page.style.width = `${p.width}px`
          page.style.height = `${p.height}px`
          page.append(p.canvas)
          const old = holder.children[i]
          if (old) old.replaceWith(page)
          else holder.append(page)
        })
        if (stale || count === null) return
        while (holder.children.length > count) holder.lastElementChild?.remove() // the resume got shorter
        setView({ base64, width, error: null })
      } catch (error) {
        if (!stale) setView((v) => ({ ...v, base64, width, error: message(error) }))
      }
    }
    void run()
    return () => {
      stale = true
    }
  }, [base64, width])

  // The text, only while it is shown.
  useEffect(() => {
    if (!base64 || mode !== 'text') return
    let stale = false
    const run = async () => {
      try {
        const { documentFor, pageTexts } = await loadPdfLib()
        const pages = await pageTexts(await documentFor(base64))
        if (!stale) setTexts({ base64, pages })
      } catch (error) {
        if (!stale) setView((v) => ({ ...v, error: message(error) }))
      }
    }
    void run()
    return () => {
      stale = true
    }
  }, [base64, mode])

  useEffect(
    () => () => {
      void loadPdfLib().then((lib) => lib.releaseDocuments())
    },
    [],
  )

  const busy = base64 !== null && (mode === 'text' ? texts.base64 !== base64 : view.base64 !== base64 || view.width !== width)
  useEffect(() => {
    onBusy(busy)
  }, [busy, onBusy])

  return (
    <div className="pdf-scroll" ref={scrollRef} tabIndex={0} role="region" aria-label={mode === 'pages' ? 'Resume pages' : 'Text an applicant-tracking system reads'}>
      {view.error ? (
        <div className="banner banner-error pdf-error" role="alert">
          <div className="banner-text">
            <strong>The preview could not be drawn.</strong> {view.error}
          </div>
        </div>
      ) : null}
      <div className="pdf-pages" ref={pagesRef} hidden={mode !== 'pages'} />
      {mode === 'text' ? (
        <div className="ats-text" style={{ maxWidth: width || undefined }}>
          <p className="ats-hint">
            This is the text pdf.js reads from the PDF, in order: what an applicant-tracking system sees. If something is missing here, a parser will miss it too.
          </p>
          {texts.pages.map((text, i) => (
            <section key={i} className="ats-page" aria-label={`Text of page ${i + 1}`}>
              <h3 className="ats-page-title">
                Page {i + 1} of {texts.pages.length}
              </h3>
              <pre className="ats-page-text" data-ats-text>
                {text}
              </pre>
            </section>
          ))}
        </div>
      ) : null}
    </div>
  )
}
