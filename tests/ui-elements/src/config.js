// SPDX-License-Identifier: Apache-2.0
import { Configuration, FrontendApi } from "@ory/client-fetch"

/** Reads /config.json from the app's own origin: Tessera's public URL is decided at run time, not at build time. */
export async function loadConfig() {
  const response = await fetch("/config.json", { cache: "no-store" })
  if (!response.ok) {
    throw new Error(`/config.json answered ${response.status}`)
  }
  const { sdkUrl } = await response.json()
  const sdk = sdkUrl.replace(/\/+$/, "")
  const app = window.location.origin
  return {
    sdkUrl: sdk,
    frontend: new FrontendApi(
      new Configuration({ basePath: sdk, credentials: "include", headers: { Accept: "application/json" } }),
    ),
    // What Ory Elements' components take (OryClientConfiguration).
    elements: {
      sdk: { url: sdk },
      project: {
        name: "Tessera",
        default_redirect_url: app + "/",
        error_ui_url: app + "/error",
        login_ui_url: app + "/login",
        registration_ui_url: app + "/registration",
        recovery_ui_url: app + "/recovery",
        settings_ui_url: app + "/settings",
        verification_ui_url: app + "/verification",
        registration_enabled: true,
        recovery_enabled: true,
        verification_enabled: true,
      },
    },
  }
}
