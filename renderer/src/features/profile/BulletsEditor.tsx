/**
 * A work entry's "What you did" as bullets: one field per bullet, as the resume prints them;
 * a bullet has no line breaks, but a long one wraps so it can be read whole. Enter starts the
 * next bullet (splitting at the caret), Backspace at the start joins a bullet to the one before
 * (an empty one is removed), Up at the start and Down at the end go to the bullet before or
 * after, and Alt+Up/Down (or the buttons) move one. Pasting several lines gives several bullets.
 *
 * The description is stored with one "- " line per bullet, so a bullet of two sentences stays
 * one bullet (electron/shared/bullets.ts splits unmarked prose into sentences).
 */
import { useId, useLayoutEffect, useRef, useState, type ClipboardEvent, type KeyboardEvent } from 'react'
import { bulletsText, descriptionBullets, LIMITS } from '../../shared'
import { Button } from '../../ui/Button'

export interface Bullet {
  /** Stable across edits and moves, so React keeps each input (and its focus) with its text. */
  key: number
  text: string
}

let lastKey = 0
function bullet(text: string): Bullet {
  return { key: ++lastKey, text }
}

/**
 * A stored description as bullets (at least one, empty, to type into), and whether prose was
 * split into one bullet per sentence (so the person is told before saving it that way).
 */
export function bulletsOf(description: string | null | undefined): { bullets: Bullet[]; split: boolean } {
  const texts = descriptionBullets(description)
  const lines = (description ?? '').split(/\r?\n/).filter((l) => l.trim()).length
  return { bullets: texts.length ? texts.map(bullet) : [bullet('')], split: texts.length > lines }
}

/**
 * The bullets as the stored description: one "- " line each (as the CLI's --bullet writes it),
 * empty ones dropped, and a marker typed by habit ("- Built …") not doubled.
 */
export function descriptionOf(bullets: readonly Bullet[]): string {
  return bulletsText(bullets.map((b) => b.text))
}

type Part = 'input' | 'up' | 'down' | 'delete' | 'add'

export function BulletsEditor({
  label,
  value,
  onChange,
  split,
  error,
}: {
  label: string
  value: readonly Bullet[]
  onChange: (next: Bullet[]) => void
  /** The stored prose was split into sentences: say so until it is saved. */
  split?: boolean
  error?: string | undefined
}) {
  const id = useId()
  const rootRef = useRef<HTMLDivElement>(null)
  // Where the focus goes once the edit is drawn (a new, moved or removed bullet changes the rows).
  const pending = useRef<{ key: number | null; part: Part; caret?: number } | null>(null)
  const [announcement, setAnnouncement] = useState('')

  useLayoutEffect(() => {
    const want = pending.current
    if (!want) return
    pending.current = null
    const root = rootRef.current
    const el =
      want.part === 'add'
        ? root?.querySelector<HTMLElement>('[data-part="add"]')
        : root?.querySelector<HTMLElement>(`[data-bullet="${want.key}"] [data-part="${want.part}"]`)
    if (!el) return
    el.focus()
    if (el instanceof HTMLTextAreaElement && want.caret !== undefined) el.setSelectionRange(want.caret, want.caret)
  })

  const edit = (next: Bullet[], focus: { key: number | null; part: Part; caret?: number } | null) => {
    pending.current = focus
    onChange(next)
  }

  const move = (i: number, delta: -1 | 1, part: Part, caret?: number) => {
    const to = i + delta
    if (to < 0 || to >= value.length) return
    const next = [...value]
    const [moved] = next.splice(i, 1)
    next.splice(to, 0, moved!)
    setAnnouncement(`Bullet moved to position ${to + 1} of ${next.length}`)
    edit(next, { key: moved!.key, part, caret })
  }

  const remove = (i: number) => {
    const next = value.filter((_, j) => j !== i)
    const after = next[i] ?? next[i - 1]
    setAnnouncement(`Bullet ${i + 1} deleted`)
    edit(next, after ? { key: after.key, part: 'input', caret: 0 } : { key: null, part: 'add' })
  }

  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>, i: number) => {
    if (e.nativeEvent.isComposing) return
    const input = e.currentTarget
    const b = value[i]!
    const start = input.selectionStart ?? b.text.length
    const end = input.selectionEnd ?? start
    const plain = !e.ctrlKey && !e.metaKey && !e.altKey && !e.shiftKey
    if (e.key === 'Enter' && plain) {
      // A new bullet after this one, with the text after the caret.
      e.preventDefault()
      const fresh = bullet(b.text.slice(end).trimStart())
      const next = [...value]
      next.splice(i, 1, { ...b, text: b.text.slice(0, start).trimEnd() }, fresh)
      edit(next, { key: fresh.key, part: 'input', caret: 0 })
    } else if (e.key === 'Backspace' && plain && start === 0 && end === 0) {
      if (!b.text) {
        if (value.length === 1) return
        e.preventDefault()
        const prev = value[i - 1]
        const next = value.filter((_, j) => j !== i)
        edit(next, prev ? { key: prev.key, part: 'input', caret: prev.text.length } : { key: next[0]!.key, part: 'input', caret: 0 })
      } else if (i > 0) {
        // Join this bullet to the end of the one before, the caret at the seam.
        e.preventDefault()
        const prev = value[i - 1]!
        const next = value.filter((_, j) => j !== i)
        next[i - 1] = { ...prev, text: prev.text + b.text }
        edit(next, { key: prev.key, part: 'input', caret: prev.text.length })
      }
    } else if ((e.key === 'ArrowUp' || e.key === 'ArrowDown') && e.altKey && !e.ctrlKey && !e.metaKey && !e.shiftKey) {
      e.preventDefault()
      move(i, e.key === 'ArrowUp' ? -1 : 1, 'input', start)
    } else if ((e.key === 'ArrowUp' && start === 0 && end === 0) || (e.key === 'ArrowDown' && start === b.text.length && end === start)) {
      // At the edge of a bullet the arrows go on to the next one (inside, they move by line).
      const up = e.key === 'ArrowUp'
      const other = value[i + (up ? -1 : 1)]
      if (!plain || !other) return
      e.preventDefault()
      const el = rootRef.current?.querySelector<HTMLTextAreaElement>(`[data-bullet="${other.key}"] [data-part="input"]`)
      const caret = up ? other.text.length : 0
      el?.focus()
      el?.setSelectionRange(caret, caret)
    }
  }

  const onPaste = (e: ClipboardEvent<HTMLTextAreaElement>, i: number) => {
    const text = e.clipboardData.getData('text/plain')
    if (!/\r?\n/.test(text.trim())) return
    // Several lines: one bullet each (markers dropped, prose one per sentence), as on the resume.
    e.preventDefault()
    const pasted = descriptionBullets(text)
    if (!pasted.length) return
    const input = e.currentTarget
    const b = value[i]!
    const start = input.selectionStart ?? b.text.length
    const end = input.selectionEnd ?? start
    const before = b.text.slice(0, start)
    const after = b.text.slice(end)
    const made = pasted.map((t, j) => (j === 0 ? { ...b, text: before + t } : bullet(t)))
    const last = made[made.length - 1]!
    const caret = last.text.length
    made[made.length - 1] = { ...last, text: last.text + after }
    const next = [...value]
    next.splice(i, 1, ...made)
    edit(next, { key: last.key, part: 'input', caret })
  }

  const hintId = `${id}-hint`
  const errorId = `${id}-error`
  return (
    <div className={error ? 'field bullets field-invalid' : 'field bullets'} ref={rootRef} role="group" aria-labelledby={`${id}-label`} aria-describedby={error ? errorId : hintId}>
      <div className="field-label" id={`${id}-label`}>
        {label}
      </div>
      {split ? (
        <p className="bullets-note" role="note">
          Your description is shown as one bullet per sentence. Check the bullets, then save to keep them this way.
        </p>
      ) : null}
      <ol className="bullets-list">
        {value.map((b, i) => (
          <li key={b.key} className="bullets-row" data-bullet={b.key}>
            <span className="bullets-dot" aria-hidden="true" />
            <textarea
              rows={1}
              className="input bullets-input"
              data-part="input"
              aria-label={`Bullet ${i + 1}`}
              aria-invalid={error ? true : undefined}
              value={b.text}
              maxLength={LIMITS.mediumTextChars}
              placeholder={i === 0 ? 'e.g. Cut the monthly report from 3 days to 4 hours with SQL and Tableau' : undefined}
              onChange={(e) => onChange(value.map((x) => (x.key === b.key ? { ...x, text: e.target.value.replace(/[\r\n]+/g, ' ') } : x)))}
              onKeyDown={(e) => onKeyDown(e, i)}
              onPaste={(e) => onPaste(e, i)}
            />
            <span className="bullets-tools">
              <Button
                size="sm"
                variant="ghost"
                icon="arrowUp"
                data-part="up"
                aria-label={`Move bullet ${i + 1} up`}
                title="Move up (Alt+↑)"
                aria-disabled={i === 0 || undefined}
                onClick={() => move(i, -1, 'up')}
              />
              <Button
                size="sm"
                variant="ghost"
                icon="arrowDown"
                data-part="down"
                aria-label={`Move bullet ${i + 1} down`}
                title="Move down (Alt+↓)"
                aria-disabled={i === value.length - 1 || undefined}
                onClick={() => move(i, 1, 'down')}
              />
              <Button size="sm" variant="ghost" icon="trash" data-part="delete" aria-label={`Delete bullet ${i + 1}`} title="Delete" onClick={() => remove(i)} />
            </span>
          </li>
        ))}
      </ol>
      <div className="bullets-foot">
        <Button
          size="sm"
          variant="ghost"
          icon="plus"
          data-part="add"
          onClick={() => {
            const fresh = bullet('')
            edit([...value, fresh], { key: fresh.key, part: 'input', caret: 0 })
          }}
        >
          Add bullet
        </Button>
        {error ? (
          <p className="field-error" id={errorId}>
            {error}
          </p>
        ) : (
          <p className="field-hint" id={hintId}>
            One achievement each. Enter starts the next bullet; Alt+↑ and Alt+↓ move one.
          </p>
        )}
      </div>
      <span className="sr-only" role="status" aria-live="polite">
        {announcement}
      </span>
    </div>
  )
}
