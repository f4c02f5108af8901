/** About: the app and catalog versions, and the O*NET and ESCO attributions. */
import { useQuery } from '../../data'
import { ErrorBanner, Loading } from '../../ui/Feedback'

export function AboutScreen() {
  const about = useQuery('app:about', {})
  return (
    <div className="screen screen-page">
      <div className="page">
        <header className="page-header">
          <h1 className="page-title">About Skillfolio</h1>
          <p className="page-subtitle">A private, local-first portfolio of micro-credentials, projects and skills.</p>
        </header>
        {about.error && !about.data ? <ErrorBanner error={about.error} onRetry={about.reload} /> : null}
        {!about.data && about.loading ? <Loading /> : null}
        {about.data ? (
          <>
            <section className="card" aria-labelledby="about-versions">
              <div className="card-head">
                <h2 className="card-title" id="about-versions">
                  Versions
                </h2>
              </div>
              <dl className="props">
                <div className="prop">
                  <dt>App version</dt>
                  <dd>{about.data.version}</dd>
                </div>
                <div className="prop">
                  <dt>Role and skill catalog</dt>
                  <dd>{about.data.catalogVersion}</dd>
                </div>
              </dl>
            </section>
            <section className="card" aria-labelledby="about-attribution">
              <div className="card-head">
                <h2 className="card-title" id="about-attribution">
                  Data sources
                </h2>
              </div>
              <div className="attribution">
                <h3 className="attribution-title">O*NET</h3>
                <p className="prose">{about.data.attribution.onet}</p>
              </div>
              <div className="attribution">
                <h3 className="attribution-title">ESCO</h3>
                <p className="prose">{about.data.attribution.esco}</p>
              </div>
            </section>
          </>
        ) : null}
      </div>
    </div>
  )
}
