// SPDX-License-Identifier: Apache-2.0
import { StrictMode } from "react"
import { createRoot } from "react-dom/client"
import "@ory/elements-react/theme/styles.css"
import { loadConfig } from "./config.js"
import { App } from "./App.jsx"

const root = createRoot(document.getElementById("root"))
loadConfig()
  .then((config) =>
    root.render(
      <StrictMode>
        <App config={config} />
      </StrictMode>,
    ),
  )
  .catch((error) => root.render(<pre id="app-failure">{String(error)}</pre>))
