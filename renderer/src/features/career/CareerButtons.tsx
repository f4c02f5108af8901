/**
 * "LinkedIn export…" and "JSON Resume…": the browser's own file inputs. The page reads the
 * chosen File objects itself (it never names a path) and opens the review.
 */
import { useRef, useState, type ChangeEvent } from 'react'
import { Button } from '../../ui/Button'
import { useToast } from '../../ui/Toast'
import { openCareer } from './open'
import { chosenJsonResume, chosenLinkedIn, SourceError, type CareerSource } from './source'

export function CareerButtons({ size = 'md' }: { size?: 'sm' | 'md' }) {
  const toast = useToast()
  const linkedIn = useRef<HTMLInputElement>(null)
  const resume = useRef<HTMLInputElement>(null)
  const [busy, setBusy] = useState<'linkedin' | 'json' | null>(null)

  const read = (which: 'linkedin' | 'json', build: (files: File[]) => Promise<CareerSource>) => async (e: ChangeEvent<HTMLInputElement>) => {
    const files = Array.from(e.target.files ?? [])
    e.target.value = '' // the same file chosen again is a new choice
    if (!files.length) return
    setBusy(which)
    try {
      openCareer(await build(files), toast)
    } catch (error) {
      const why = error instanceof SourceError ? error.message : 'The file could not be read. Try again.'
      toast.show(`Not opened: ${why}`, 'error')
    } finally {
      setBusy(null)
    }
  }

  return (
    <>
      <Button size={size} icon="briefcase" busy={busy === 'linkedin'} onClick={() => linkedIn.current?.click()} title="Your LinkedIn data export: its ZIP, or the CSV files of its folder">
        LinkedIn export…
      </Button>
      <Button size={size} icon="fileText" busy={busy === 'json'} onClick={() => resume.current?.click()} title="A resume in the JSON Resume format (.json)">
        JSON Resume…
      </Button>
      <input ref={linkedIn} type="file" accept=".zip,.csv" multiple hidden data-career-input="linkedin" onChange={read('linkedin', chosenLinkedIn)} />
      <input ref={resume} type="file" accept=".json,application/json" hidden data-career-input="json-resume" onChange={read('json', ([file]) => chosenJsonResume(file!))} />
    </>
  )
}
