// SPDX-License-Identifier: Apache-2.0
import { useEffect, useState } from "react"
import { handleFlowError } from "@ory/client-fetch"

/**
 * The URL that starts a browser flow at Tessera. Every query parameter of this page except `flow` is passed on as
 * it is, empty ones included (`/login?aal=&refresh=&return_to=` as Ory's UIs write them): an empty optional
 * parameter means "absent".
 */
export function initFlowUrl(sdkUrl, flowType, search) {
  const params = new URLSearchParams(search)
  params.delete("flow")
  const query = params.toString()
  return `${sdkUrl}/self-service/${flowType}/browser${query ? "?" + query : ""}`
}

/**
 * One self-service flow page, as Ory's Next.js integration does it in the browser: without ?flow= the browser goes
 * to the flow's init endpoint; with it the flow is fetched (cross-origin, with credentials) and handed to the Ory
 * Elements component; a flow that is gone or replaced restarts through handleFlowError.
 */
export function FlowPage({ config, flowType, fetchFlow, Component }) {
  const [flow, setFlow] = useState(null)
  const [failure, setFailure] = useState(null)

  useEffect(() => {
    const search = window.location.search
    const id = new URLSearchParams(search).get("flow")
    const restart = (useFlowId) => {
      if (useFlowId) {
        const url = new URL(window.location.href)
        url.searchParams.set("flow", useFlowId)
        window.location.replace(url.toString())
      } else {
        window.location.replace(initFlowUrl(config.sdkUrl, flowType, search))
      }
    }
    if (!id) {
      restart()
      return
    }
    fetchFlow({ id })
      .then((response) => response.value())
      .then(setFlow)
      .catch(
        handleFlowError({
          onRestartFlow: restart,
          onValidationError: setFlow,
          onRedirect: (url) => window.location.assign(url),
        }),
      )
      .catch((error) => setFailure(error))
    // The page is rendered once per load: navigation is always a full page load.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])

  if (failure) {
    return <pre id="flow-failure">{String(failure?.message ?? failure)}</pre>
  }
  if (!flow) {
    return <p id="loading">Loading…</p>
  }
  return (
    <main id={`page-${flowType}`} data-flow-id={flow.id}>
      <Component flow={flow} config={config.elements} />
    </main>
  )
}
