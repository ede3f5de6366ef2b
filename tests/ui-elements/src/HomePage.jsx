// SPDX-License-Identifier: Apache-2.0
import { useEffect, useState } from "react"

/** The signed-in home: who is signed in (whoami, cross-origin with the session cookie) and a sign-out link. */
export function HomePage({ config }) {
  const [state, setState] = useState({ loading: true })

  useEffect(() => {
    config.frontend
      .toSession()
      .then(async (session) => {
        const logout = await config.frontend.createBrowserLogoutFlow({ returnTo: window.location.origin + "/" })
        setState({ session, logoutUrl: logout.logout_url })
      })
      .catch(async (failure) => {
        const status = failure?.response?.status
        setState({ signedOut: status === 401 || status === 403, failure: status ? `HTTP ${status}` : String(failure?.message ?? failure) })
      })
  }, [config])

  if (state.loading) {
    return <p id="loading">Loading…</p>
  }
  if (!state.session) {
    return (
      <main id="page-home">
        <p id="signed-out">{state.signedOut ? "Not signed in." : `The session could not be read: ${state.failure}`}</p>
        <nav>
          <a id="link-login" href="/login?aal=&refresh=&return_to=">Sign in</a>{" "}
          <a id="link-registration" href="/registration?return_to=">Sign up</a>{" "}
          <a id="link-recovery" href="/recovery?return_to=">Recover your account</a>
        </nav>
      </main>
    )
  }
  const identity = state.session.identity
  return (
    <main id="page-home">
      <p>
        Signed in as <span id="session-email">{identity?.traits?.email}</span> (
        <span id="session-aal">{state.session.authenticator_assurance_level}</span>).
      </p>
      <pre id="session">{JSON.stringify(state.session, null, 2)}</pre>
      <nav>
        <a id="link-settings" href="/settings">Settings</a>{" "}
        <a id="link-verification" href="/verification">Verify your address</a>{" "}
        <a id="link-logout" href={state.logoutUrl}>Sign out</a>
      </nav>
    </main>
  )
}
