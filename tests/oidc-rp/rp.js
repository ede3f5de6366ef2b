// SPDX-License-Identifier: Apache-2.0
// A relying party built on openid-client (a certified OpenID Connect RP), unchanged, for OidcRelyingPartyTests:
// it discovers Tessera as its issuer, sends the browser to /oauth2/auth with PKCE S256, state and nonce, and on the
// callback does what an RP does with the code: the token exchange (openid-client validates the ID token), userinfo,
// a refresh, a client_credentials grant, RFC 7662 introspection and RFC 7009 revocation. It answers the callback with
// every result as JSON in <pre id="result">, which the test reads from the browser, and a "Sign out" link built with
// openid-client's buildEndSessionUrl (RP-initiated logout with the ID token as hint); /logged-out is where that ends. Loopback only, plain http, so
// openid-client's allowInsecureRequests is on.
//
// Environment: RP_PORT (127.0.0.1 port to listen on), ISSUER, CLIENT_ID, CLIENT_SECRET, INTROSPECTION_ENDPOINT
// (Hydra serves introspection on the admin listener and does not advertise it in discovery; the operator tells the RP).
import { createServer } from "node:http";
import * as client from "openid-client";

const { RP_PORT, ISSUER, CLIENT_ID, CLIENT_SECRET, INTROSPECTION_ENDPOINT } = process.env;
for (const [name, value] of Object.entries({ RP_PORT, ISSUER, CLIENT_ID, CLIENT_SECRET, INTROSPECTION_ENDPOINT })) {
  if (!value) throw new Error(`${name} is not set`);
}

const callbackUrl = `http://127.0.0.1:${RP_PORT}/callback`;
const loggedOutUrl = `http://127.0.0.1:${RP_PORT}/logged-out`;
let config;
// One browser at a time: the checks of the authorization request in flight, and the state of the logout in flight.
let pending;
let logoutState;

async function configuration() {
  if (config) return config;
  const discovered = await client.discovery(new URL(ISSUER), CLIENT_ID, CLIENT_SECRET, client.ClientSecretBasic(CLIENT_SECRET), {
    execute: [client.allowInsecureRequests],
  });
  const metadata = { ...discovered.serverMetadata(), introspection_endpoint: INTROSPECTION_ENDPOINT };
  config = new client.Configuration(metadata, CLIENT_ID, CLIENT_SECRET, client.ClientSecretBasic(CLIENT_SECRET));
  client.allowInsecureRequests(config);
  return config;
}

async function start(res) {
  const cfg = await configuration();
  const codeVerifier = client.randomPKCECodeVerifier();
  pending = { codeVerifier, state: client.randomState(), nonce: client.randomNonce() };
  const url = client.buildAuthorizationUrl(cfg, {
    redirect_uri: callbackUrl,
    scope: "openid offline_access email",
    code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: "S256",
    state: pending.state,
    nonce: pending.nonce,
  });
  res.writeHead(302, { Location: url.href }).end();
}

async function callback(currentUrl) {
  const cfg = await configuration();
  const checks = pending;
  pending = undefined;
  if (!checks) throw new Error("no authorization request in flight");
  const result = { discovery: { issuer: cfg.serverMetadata().issuer } };

  const tokens = await client.authorizationCodeGrant(cfg, currentUrl, {
    pkceCodeVerifier: checks.codeVerifier,
    expectedState: checks.state,
    expectedNonce: checks.nonce,
    idTokenExpected: true,
  });
  const claims = tokens.claims();
  result.code = {
    token_type: tokens.token_type,
    scope: tokens.scope,
    expires_in: tokens.expiresIn(),
    has_refresh_token: Boolean(tokens.refresh_token),
    id_token: { sub: claims.sub, iss: claims.iss, aud: claims.aud, nonce_matches: claims.nonce === checks.nonce },
  };

  result.userinfo = await client.fetchUserInfo(cfg, tokens.access_token, claims.sub);

  const refreshed = await client.refreshTokenGrant(cfg, tokens.refresh_token);
  result.refresh = {
    new_access_token: Boolean(refreshed.access_token) && refreshed.access_token !== tokens.access_token,
    new_refresh_token: Boolean(refreshed.refresh_token) && refreshed.refresh_token !== tokens.refresh_token,
    id_token_sub: refreshed.claims()?.sub ?? null,
  };

  const service = await client.clientCredentialsGrant(cfg);
  result.client_credentials = { token_type: service.token_type, expires_in: service.expiresIn(), has_access_token: Boolean(service.access_token) };

  const introspected = await client.tokenIntrospection(cfg, refreshed.access_token);
  const introspectedService = await client.tokenIntrospection(cfg, service.access_token);
  result.introspection = {
    user: { active: introspected.active, sub: introspected.sub, client_id: introspected.client_id, scope: introspected.scope },
    service: { active: introspectedService.active, client_id: introspectedService.client_id },
  };

  await client.tokenRevocation(cfg, refreshed.access_token, { token_type_hint: "access_token" });
  await client.tokenRevocation(cfg, refreshed.refresh_token, { token_type_hint: "refresh_token" });
  result.revocation = {
    access_token_active: (await client.tokenIntrospection(cfg, refreshed.access_token)).active,
    refresh_token_active: (await client.tokenIntrospection(cfg, refreshed.refresh_token)).active,
  };
  let refreshAfterRevocation;
  try {
    await client.refreshTokenGrant(cfg, refreshed.refresh_token);
    refreshAfterRevocation = "succeeded";
  } catch (error) {
    refreshAfterRevocation = error.error ?? error.code ?? error.message;
  }
  result.revocation.refresh_after_revocation = refreshAfterRevocation;

  logoutState = client.randomState();
  result.end_session_url = client.buildEndSessionUrl(cfg, {
    id_token_hint: tokens.id_token,
    post_logout_redirect_uri: loggedOutUrl,
    state: logoutState,
  }).href;
  return result;
}

function escape(text) {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/"/g, "&quot;");
}

function page(res, status, body) {
  const link = body.end_session_url ? `<a id="logout" href="${escape(body.end_session_url)}">Sign out</a>` : "";
  res.writeHead(status, { "Content-Type": "text/html; charset=utf-8" })
    .end(`<!doctype html><title>RP</title><pre id="result">${escape(JSON.stringify(body, null, 2))}</pre>${link}`);
}

const server = createServer(async (req, res) => {
  const url = new URL(req.url, `http://127.0.0.1:${RP_PORT}`);
  try {
    if (url.pathname === "/start") return await start(res);
    if (url.pathname === "/callback") return page(res, 200, await callback(url));
    if (url.pathname === "/logged-out") {
      return page(res, 200, { logged_out: true, state_matches: Boolean(logoutState) && url.searchParams.get("state") === logoutState });
    }
    res.writeHead(404).end();
  } catch (error) {
    page(res, 500, { failed: error.message, code: error.code, error: error.error, error_description: error.error_description, cause: String(error.cause ?? "") });
  }
});

server.listen(Number(RP_PORT), "127.0.0.1", () => console.log(`listening on http://127.0.0.1:${RP_PORT}`));
for (const signal of ["SIGTERM", "SIGINT"]) process.on(signal, () => server.close(() => process.exit(0)));
