/**
 * The grey line under a list row's title ("Coursera · Mar 2024"): its parts joined by "·", the
 * whole line in the tooltip for when it is cut. The separator ends the part before it, so a part
 * that wraps (a narrow list pane) starts its line cleanly.
 */
export function RowMeta({ parts }: { parts: ReadonlyArray<string | null | undefined | false> }) {
  const shown = parts.filter((p): p is string => Boolean(p))
  return (
    <div className="row-meta" title={shown.join(' · ')}>
      {shown.map((part, i) => (
        <span key={i}>
          {part}
          {i < shown.length - 1 ? (
            <span className="sep sep-after" aria-hidden="true">
              ·
            </span>
          ) : null}
        </span>
      ))}
    </div>
  )
}
