/** "Load a sample portfolio": fills an empty portfolio through `app:loadDemo`. */
import { useState } from 'react'
import { call, errorMessage } from '../api'
import { useInvalidate } from '../data'
import { Button } from './Button'
import { useToast } from './Toast'

export function LoadDemoButton() {
  const [loading, setLoading] = useState(false)
  const invalidate = useInvalidate()
  const toast = useToast()
  const load = async () => {
    setLoading(true)
    try {
      const r = await call('app:loadDemo', {})
      invalidate()
      toast.show(`Loaded a sample portfolio: ${r.credentials} credentials, ${r.projects} projects, ${r.skills} skills`)
    } catch (error) {
      toast.show(`The sample could not be loaded: ${errorMessage(error)}`, 'error')
    } finally {
      setLoading(false)
    }
  }
  return (
    <Button icon="sparkles" busy={loading} onClick={() => void load()}>
      Load a sample portfolio
    </Button>
  )
}
