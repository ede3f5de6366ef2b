// SPDX-License-Identifier: Apache-2.0
import { useEffect, useState } from "react"
import { Error as OryError } from "@ory/elements-react/theme"

/** The error UI: ?id= is a flow error stored at Tessera (fetched with getFlowError); ?error= a plain one. */
export function ErrorPage({ config }) {
  const [error, setError] = useState(null)
  const [session, setSession] = useState(undefined)

  useEffect(() => {
    const params = new URLSearchParams(window.location.search)
    const id = params.get("id")
    const load = params.has("error")
      ? Promise.resolve({
          error: params.get("error"),
          error_description: params.get("error_description") ?? "An unknown error occurred.",
        })
      : id
        ? config.frontend.getFlowError({ id }).catch(async (failure) => {
            // An unknown id: Tessera answers 404 with an error body, which Elements shows like any other error.
            const body = await failure?.response?.json?.().catch(() => null)
            return body?.error
              ? { id, error: body.error }
              : { error: "unknown_error", error_description: String(failure?.message ?? failure) }
          })
        : Promise.resolve({ error: "unknown_error", error_description: "An unknown error occurred." })
    config.frontend
      .toSession()
      .then(setSession)
      .catch(() => setSession(undefined))
      .finally(() => load.then(setError))
  }, [config])

  if (!error) {
    return <p id="loading">Loading…</p>
  }
  return (
    <main id="page-error">
      <OryError error={error} config={config.elements} session={session} />
    </main>
  )
}
