/** After opening an item with the keyboard, move focus to its heading in the detail pane. */
export function focusDetail(id?: string): void {
  let tries = 0
  const selector = id ? `.detail-pane [data-id="${CSS.escape(id)}"] [data-detail-title]` : '.detail-pane [data-detail-title]'
  const attempt = () => {
    const el = document.querySelector<HTMLElement>(selector)
    if (el) el.focus()
    else if (tries++ < 40) setTimeout(attempt, 25)
  }
  setTimeout(attempt, 0)
}

export function focusSearch(): boolean {
  const el = document.querySelector<HTMLInputElement>('[data-search]')
  if (!el) return false
  el.focus()
  el.select()
  return true
}
