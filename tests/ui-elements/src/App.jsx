// SPDX-License-Identifier: Apache-2.0
import { Login, Recovery, Registration, Settings, Verification } from "@ory/elements-react/theme"
import { FlowPage } from "./FlowPage.jsx"
import { ErrorPage } from "./ErrorPage.jsx"
import { HomePage } from "./HomePage.jsx"

// Simple path switching: every navigation in a browser flow is a full page load anyway (Tessera redirects to
// the UI with ?flow=, and Elements assigns window.location on success).
export function App({ config }) {
  const frontend = config.frontend
  switch (window.location.pathname) {
    case "/":
      return <HomePage config={config} />
    case "/registration":
      return <FlowPage config={config} flowType="registration" fetchFlow={(r) => frontend.getRegistrationFlowRaw(r)} Component={Registration} />
    case "/login":
      return <FlowPage config={config} flowType="login" fetchFlow={(r) => frontend.getLoginFlowRaw(r)} Component={Login} />
    case "/verification":
      return <FlowPage config={config} flowType="verification" fetchFlow={(r) => frontend.getVerificationFlowRaw(r)} Component={Verification} />
    case "/recovery":
      return <FlowPage config={config} flowType="recovery" fetchFlow={(r) => frontend.getRecoveryFlowRaw(r)} Component={Recovery} />
    case "/settings":
      return <FlowPage config={config} flowType="settings" fetchFlow={(r) => frontend.getSettingsFlowRaw(r)} Component={Settings} />
    case "/error":
      return <ErrorPage config={config} />
    default:
      return <p id="not-found">No page at {window.location.pathname}.</p>
  }
}
