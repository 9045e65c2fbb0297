"use client";

// Any page that fails to render (e.g. the database is unreachable) lands here.
export default function ErrorPage({ reset }: { error: Error; reset: () => void }) {
  return (
    <main className="auth-page">
      <div className="card auth-card" role="alert">
        <h1>Something went wrong</h1>
        <p className="muted">The page couldn't be loaded. Try again in a moment.</p>
        <button type="button" className="button primary" onClick={reset}>
          Try again
        </button>
      </div>
    </main>
  );
}
