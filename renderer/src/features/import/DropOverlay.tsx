/**
 * Drop anywhere: while files are dragged over the window a full-window overlay says what will
 * happen; dropped files go their ways (useBringIn): badges start an import and open it on the
 * Import screen, a LinkedIn export or JSON Resume opens its review. Every file drag is
 * handled (dragover's default prevented) so a drop can never navigate the window away.
 * Nested elements fire dragenter/dragleave in pairs, so a counter tells when the drag has
 * really left the window. Files pasted outside a text field are taken the same way.
 */
import { useEffect, useState } from 'react'
import { Icon } from '../../ui/Icon'
import { useBringIn } from './ImportProvider'
import { droppedItems } from './sources'

const hasFiles = (e: DragEvent) => Array.from(e.dataTransfer?.types ?? []).includes('Files')

function isEditable(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || target.matches('input, textarea'))
}

export function DropOverlay() {
  const bringIn = useBringIn()
  const [over, setOver] = useState(false)

  useEffect(() => {
    let depth = 0
    let idle: ReturnType<typeof setTimeout> | null = null
    const blocked = () => document.querySelector('dialog[open]') !== null
    const hide = () => {
      depth = 0
      if (idle) clearTimeout(idle)
      idle = null
      setOver(false)
    }

    const onEnter = (e: DragEvent) => {
      if (!hasFiles(e)) return
      e.preventDefault()
      depth++
      if (!blocked()) setOver(true)
    }
    const onOver = (e: DragEvent) => {
      if (!hasFiles(e)) {
        // A dragged link dropped outside a text field would open it in the window.
        if (!isEditable(e.target) && e.dataTransfer?.types.includes('text/uri-list')) {
          e.preventDefault()
          e.dataTransfer.dropEffect = 'none'
        }
        return
      }
      e.preventDefault()
      if (e.dataTransfer) e.dataTransfer.dropEffect = blocked() ? 'none' : 'copy'
      // dragover repeats while the pointer is over the window; when it stops, the drag is gone
      // (e.g. it left through an edge without a dragleave).
      if (idle) clearTimeout(idle)
      idle = setTimeout(hide, 600)
    }
    const onLeave = (e: DragEvent) => {
      if (!hasFiles(e)) return
      depth = Math.max(0, depth - 1)
      if (depth === 0) hide()
    }
    const onDrop = (e: DragEvent) => {
      if (!hasFiles(e)) {
        if (!isEditable(e.target)) e.preventDefault()
        return
      }
      e.preventDefault()
      hide()
      if (blocked() || !e.dataTransfer) return
      const items = droppedItems(e.dataTransfer) // now: the browser empties it after this handler
      void bringIn(items)
    }
    const onPaste = (e: ClipboardEvent) => {
      if (isEditable(e.target) || blocked() || !e.clipboardData) return
      const items = droppedItems(e.clipboardData)
      if (!items.length) return
      e.preventDefault()
      void bringIn(items)
    }

    window.addEventListener('dragenter', onEnter)
    window.addEventListener('dragover', onOver)
    window.addEventListener('dragleave', onLeave)
    window.addEventListener('drop', onDrop)
    window.addEventListener('paste', onPaste)
    return () => {
      if (idle) clearTimeout(idle)
      window.removeEventListener('dragenter', onEnter)
      window.removeEventListener('dragover', onOver)
      window.removeEventListener('dragleave', onLeave)
      window.removeEventListener('drop', onDrop)
      window.removeEventListener('paste', onPaste)
    }
  }, [bringIn])

  if (!over) return null
  return (
    <div className="drop-overlay" data-drop-overlay>
      <div className="drop-overlay-panel">
        <div className="drop-overlay-icon">
          <Icon name="download" size={30} />
        </div>
        <div className="drop-overlay-title">Drop badges to import</div>
        <div className="drop-overlay-text">Badge images, credential files or whole folders; certificate PDFs; a LinkedIn export or a JSON Resume. They are read and checked on this computer.</div>
      </div>
    </div>
  )
}
