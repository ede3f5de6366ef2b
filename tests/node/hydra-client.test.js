// SPDX-License-Identifier: Apache-2.0
// Ory's published Hydra SDK (@ory/hydra-client), unchanged, against Tessera's OAuth2 provider (issue 20, acceptance 1):
// client CRUD, introspection of a client_credentials token, and Hydra's login/consent/logout request API driven by an
// operator-owned login and consent app (a tiny loopback server of this test, as Hydra users keep one), through a real
// /oauth2/auth round followed by an HTTP client that keeps cookies.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { createServer } from "node:http";
import { randomUUID } from "node:crypto";
import { Configuration, OAuth2Api } from "@ory/hydra-client";
import { startTessera } from "./tessera-server.js";

let server;
let admin;
let loginApp;
let loginAppUrl;
// What the login and consent app does with the next requests ("accept" or "reject"), and what it saw.
let decision = { login: "accept", consent: "accept" };
let seen = {};
// The ID token of the accepted round, for the logout round.
let signedIn;

/** The operator's login and consent app: reads the request with the SDK, accepts or rejects it, redirects on. */
function startLoginConsentApp() {
  const app = createServer(async (req, res) => {
    try {
      const url = new URL(req.url, "http://127.0.0.1");
      let redirectTo;
      if (url.pathname === "/login") {
        const loginChallenge = url.searchParams.get("login_challenge");
        const { data: login } = await admin.getOAuth2LoginRequest({ loginChallenge });
        seen.login = login;
        const { data } = decision.login === "accept"
          ? await admin.acceptOAuth2LoginRequest({
              loginChallenge,
              acceptOAuth2LoginRequest: { subject: seen.subject, remember: false, acr: "aal1", amr: ["pwd"] },
            })
          : await admin.rejectOAuth2LoginRequest({
              loginChallenge,
              rejectOAuth2Request: { error: "access_denied", error_description: "The operator's app said no." },
            });
        redirectTo = data.redirect_to;
      } else if (url.pathname === "/consent") {
        const consentChallenge = url.searchParams.get("consent_challenge");
        const { data: consent } = await admin.getOAuth2ConsentRequest({ consentChallenge });
        seen.consent = consent;
        const { data } = decision.consent === "accept"
          ? await admin.acceptOAuth2ConsentRequest({
              consentChallenge,
              acceptOAuth2ConsentRequest: {
                grant_scope: consent.requested_scope,
                grant_access_token_audience: consent.requested_access_token_audience,
                remember: false,
                session: { access_token: { team: "blue" }, id_token: { nickname: "erin" } },
              },
            })
          : await admin.rejectOAuth2ConsentRequest({
              consentChallenge,
              rejectOAuth2Request: { error: "access_denied", error_description: "The user said no." },
            });
        redirectTo = data.redirect_to;
      } else if (url.pathname === "/logout") {
        const logoutChallenge = url.searchParams.get("logout_challenge");
        const { data: logout } = await admin.getOAuth2LogoutRequest({ logoutChallenge });
        seen.logout = logout;
        const { data } = await admin.acceptOAuth2LogoutRequest({ logoutChallenge });
        redirectTo = data.redirect_to;
      } else {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(302, { Location: redirectTo }).end();
    } catch (error) {
      seen.appError = `${error.message} ${JSON.stringify(error.response?.data ?? "")}`;
      res.writeHead(500, { "Content-Type": "text/plain" }).end(seen.appError);
    }
  });
  return new Promise((resolve) => app.listen(0, "127.0.0.1", () => resolve(app)));
}

/** A browser-like HTTP client: follows redirects by hand, keeps cookies per host, stops at the client's redirect URI. */
async function followToRedirectUri(startUrl, redirectUri) {
  const jar = new Map();
  let url = startUrl;
  for (let hop = 0; hop < 15; hop++) {
    const { host } = new URL(url);
    const cookies = jar.get(host) ?? new Map();
    const response = await fetch(url, {
      redirect: "manual",
      headers: cookies.size ? { Cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join("; ") } : {},
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const eq = pair.indexOf("=");
      cookies.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
    }
    jar.set(host, cookies);
    const location = response.headers.get("location");
    if (response.status < 300 || response.status >= 400 || !location) {
      throw new Error(`${url} answered ${response.status} without a redirect: ${await response.text()} ${seen.appError ?? ""}`);
    }
    url = new URL(location, url).href;
    if (url.startsWith(redirectUri)) return new URL(url);
  }
  throw new Error(`too many redirects, last at ${url}`);
}

function clientBody(redirectUri) {
  return {
    client_name: "SDK test app",
    grant_types: ["authorization_code", "refresh_token", "client_credentials"],
    response_types: ["code"],
    redirect_uris: [redirectUri],
    post_logout_redirect_uris: [`${redirectUri}/logged-out`],
    scope: "openid offline_access profile",
    token_endpoint_auth_method: "client_secret_basic",
    metadata: { owner: "sdk" },
  };
}

/** The public OAuth2 API as the client itself (client_secret_basic). */
function asClient(clientId, clientSecret) {
  return new OAuth2Api(new Configuration({ basePath: server.publicUrl, username: clientId, password: clientSecret }));
}

before(async () => {
  loginApp = await startLoginConsentApp();
  loginAppUrl = `http://127.0.0.1:${loginApp.address().port}`;
  server = await startTessera({
    URLS_LOGIN: `${loginAppUrl}/login`, URLS_CONSENT: `${loginAppUrl}/consent`, URLS_LOGOUT: `${loginAppUrl}/logout`,
  });
  admin = new OAuth2Api(new Configuration({ basePath: server.adminUrl }));
});

after(async () => {
  await server?.stop();
  await new Promise((resolve) => (loginApp ? loginApp.close(resolve) : resolve()));
});

test("client CRUD: create shows the secret once; get, list, patch, set and delete", async () => {
  const redirectUri = "http://127.0.0.1:1/callback";
  const { data: created, status } = await admin.createOAuth2Client({ oAuth2Client: clientBody(redirectUri) });
  assert.equal(status, 201);
  assert.ok(created.client_id, "a client id is generated");
  assert.ok(created.client_secret && created.client_secret.length >= 32, "the generated secret is shown on create");
  assert.deepEqual(created.redirect_uris, [redirectUri]);
  assert.equal(created.token_endpoint_auth_method, "client_secret_basic");
  assert.deepEqual(created.metadata, { owner: "sdk" });

  const { data: fetched } = await admin.getOAuth2Client({ id: created.client_id });
  assert.equal(fetched.client_name, "SDK test app");
  assert.ok(!fetched.client_secret, "the secret is never shown again");

  const { data: listed } = await admin.listOAuth2Clients({ pageSize: 500 });
  assert.ok(listed.some((c) => c.client_id === created.client_id), "the client is listed");
  assert.ok(listed.every((c) => !c.client_secret), "no secret in the list");

  const { data: patched } = await admin.patchOAuth2Client({
    id: created.client_id,
    jsonPatch: [{ op: "replace", path: "/client_name", value: "Patched app" }],
  });
  assert.equal(patched.client_name, "Patched app");
  assert.ok(!patched.client_secret);

  const { data: replaced } = await admin.setOAuth2Client({
    id: created.client_id,
    oAuth2Client: { ...clientBody(redirectUri), client_id: created.client_id, client_name: "Replaced app", scope: "openid" },
  });
  assert.equal(replaced.client_name, "Replaced app");
  assert.equal(replaced.scope, "openid");

  // The old secret still works after the replace (no client_secret sent): a client_credentials token.
  const { data: token } = await asClient(created.client_id, created.client_secret).oauth2TokenExchange({ grantType: "client_credentials" });
  assert.ok(token.access_token);

  const { status: deleted } = await admin.deleteOAuth2Client({ id: created.client_id });
  assert.equal(deleted, 204);
  await assert.rejects(admin.getOAuth2Client({ id: created.client_id }), (error) => {
    assert.equal(error.response?.status, 404);
    // Hydra's errorOAuth2, as the SDK types it, with Tessera's catalog id beside it.
    const body = error.response.data;
    assert.equal(body.error, "not_found");
    assert.equal(body.status_code, 404);
    assert.ok(body.error_description, JSON.stringify(body));
    assert.equal(body.id, "oauth2_client_not_found");
    assert.equal(error.response.headers["ory-error-id"], "oauth2_client_not_found");
    return true;
  });
});

test("introspection of a client_credentials token, before and after revocation", async () => {
  const { data: client } = await admin.createOAuth2Client({ oAuth2Client: clientBody("http://127.0.0.1:1/callback") });
  const asIt = asClient(client.client_id, client.client_secret);
  const { data: token } = await asIt.oauth2TokenExchange({ grantType: "client_credentials" });
  assert.equal(token.token_type.toLowerCase(), "bearer");
  assert.ok(token.expires_in > 0);

  const { data: active } = await admin.introspectOAuth2Token({ token: token.access_token });
  assert.equal(active.active, true);
  assert.equal(active.client_id, client.client_id);
  assert.equal(active.token_use, "access_token");
  assert.ok(active.exp > active.iat);

  const { data: unknown } = await admin.introspectOAuth2Token({ token: `nope-${randomUUID()}` });
  assert.deepEqual(unknown, { active: false });

  await asIt.revokeOAuth2Token({ token: token.access_token });
  const { data: revoked } = await admin.introspectOAuth2Token({ token: token.access_token });
  assert.equal(revoked.active, false);
});

test("login and consent accepted by the operator's app: the code is issued and redeemed", async () => {
  decision = { login: "accept", consent: "accept" };
  seen = { subject: randomUUID() };
  const redirectUri = `${loginAppUrl}/callback`;
  const { data: client } = await admin.createOAuth2Client({ oAuth2Client: clientBody(redirectUri) });
  const state = `state-${randomUUID()}`;
  const auth = new URL("/oauth2/auth", server.publicUrl);
  auth.search = new URLSearchParams({
    client_id: client.client_id, response_type: "code", redirect_uri: redirectUri,
    scope: "openid offline_access", state, nonce: `nonce-${randomUUID()}`,
  }).toString();

  const callback = await followToRedirectUri(auth.href, redirectUri);
  assert.equal(callback.searchParams.get("state"), state);
  assert.equal(callback.searchParams.get("error"), null, callback.href);
  const code = callback.searchParams.get("code");
  assert.ok(code, callback.href);

  // Every member Hydra's OpenAPI marks as required is there, in the SDK's names.
  for (const member of ["challenge", "skip", "subject", "client", "request_url", "requested_scope", "requested_access_token_audience"]) {
    assert.ok(member in seen.login, `login request lacks ${member}: ${JSON.stringify(seen.login)}`);
  }
  for (const member of ["challenge", "subject", "client", "request_url", "requested_scope", "login_session_id", "skip"]) {
    assert.ok(member in seen.consent, `consent request lacks ${member}: ${JSON.stringify(seen.consent)}`);
  }
  // The request's client is the registered client as the admin API shows it (login apps show its name), never its secret.
  assert.equal(seen.login.client.client_id, client.client_id);
  assert.equal(seen.login.client.client_name, "SDK test app");
  assert.deepEqual(seen.login.client.redirect_uris, [redirectUri]);
  assert.equal(seen.login.client.client_secret, undefined);
  assert.equal(seen.consent.client.client_name, "SDK test app");
  assert.deepEqual(seen.login.requested_scope, ["openid", "offline_access"]);
  assert.equal(seen.login.skip, false);
  assert.ok(seen.login.request_url.includes("/oauth2/auth"));
  assert.equal(seen.consent.subject, seen.subject);
  assert.equal(seen.consent.client.client_id, client.client_id);
  assert.deepEqual(seen.consent.requested_scope, ["openid", "offline_access"]);

  const { data: tokens } = await asClient(client.client_id, client.client_secret)
    .oauth2TokenExchange({ grantType: "authorization_code", code, redirectUri });
  assert.ok(tokens.access_token && tokens.refresh_token && tokens.id_token);
  assert.equal(tokens.token_type.toLowerCase(), "bearer");
  assert.ok(tokens.expires_in > 0);
  assert.deepEqual(tokens.scope.split(" ").sort(), ["offline_access", "openid"]);
  const { data: introspected } = await admin.introspectOAuth2Token({ token: tokens.access_token });
  assert.equal(introspected.active, true);
  assert.equal(introspected.sub, seen.subject);
  assert.equal(introspected.ext?.team, "blue");
  signedIn = { idToken: tokens.id_token, clientId: client.client_id, postLogout: `${redirectUri}/logged-out` };
  const idClaims = JSON.parse(Buffer.from(tokens.id_token.split(".")[1], "base64url").toString());
  assert.equal(idClaims.sub, seen.subject);
  assert.equal(idClaims.nickname, "erin");

  // A handled request answers 410 with where to go (Hydra's contract), read through the SDK.
  await assert.rejects(admin.getOAuth2ConsentRequest({ consentChallenge: seen.consent.challenge }), (error) => {
    assert.equal(error.response?.status, 410);
    assert.ok(error.response.data.redirect_to);
    return true;
  });
});

test("RP-initiated logout goes to the operator's logout app, which reads and accepts it with the SDK", async () => {
  assert.ok(signedIn, "the accepted round ran first");
  const logout = new URL("/oauth2/sessions/logout", server.publicUrl);
  logout.search = new URLSearchParams({ id_token_hint: signedIn.idToken, post_logout_redirect_uri: signedIn.postLogout, state: "state-logout" }).toString();
  const back = await followToRedirectUri(logout.href, signedIn.postLogout);
  assert.equal(back.searchParams.get("state"), "state-logout");
  assert.equal(seen.logout.rp_initiated, true);
  assert.equal(seen.logout.client?.client_id, signedIn.clientId);
  assert.ok(seen.logout.challenge);
});

test("a login rejected by the operator's app reaches the client as its error", async () => {
  decision = { login: "reject", consent: "accept" };
  seen = { subject: randomUUID() };
  const redirectUri = `${loginAppUrl}/callback`;
  const { data: client } = await admin.createOAuth2Client({ oAuth2Client: clientBody(redirectUri) });
  const auth = new URL("/oauth2/auth", server.publicUrl);
  auth.search = new URLSearchParams({
    client_id: client.client_id, response_type: "code", redirect_uri: redirectUri, scope: "openid", state: "state-rejected-login",
  }).toString();

  const callback = await followToRedirectUri(auth.href, redirectUri);
  assert.equal(callback.searchParams.get("error"), "access_denied");
  assert.equal(callback.searchParams.get("error_description"), "The operator's app said no.");
  assert.equal(callback.searchParams.get("state"), "state-rejected-login");
  assert.equal(callback.searchParams.get("code"), null);
  assert.equal(seen.consent, undefined, "a rejected login never asks for consent");
});

test("a consent rejected by the operator's app reaches the client as its error", async () => {
  seen = { subject: randomUUID() };
  const redirectUri = `${loginAppUrl}/callback`;
  const { data: client } = await admin.createOAuth2Client({ oAuth2Client: clientBody(redirectUri) });
  const auth = new URL("/oauth2/auth", server.publicUrl);
  auth.search = new URLSearchParams({
    client_id: client.client_id, response_type: "code", redirect_uri: redirectUri, scope: "openid", state: "state-rejected-consent",
  }).toString();

  decision = { login: "accept", consent: "reject" };
  const callback = await followToRedirectUri(auth.href, redirectUri);
  assert.equal(callback.searchParams.get("error"), "access_denied");
  assert.equal(callback.searchParams.get("error_description"), "The user said no.");
  assert.equal(callback.searchParams.get("state"), "state-rejected-consent");
  assert.equal(seen.consent.subject, seen.subject);
});

test("unknown login, consent and logout challenges answer 404 through the SDK", async () => {
  for (const call of [
    () => admin.getOAuth2LoginRequest({ loginChallenge: `unknown-${randomUUID()}` }),
    () => admin.getOAuth2ConsentRequest({ consentChallenge: `unknown-${randomUUID()}` }),
    () => admin.getOAuth2LogoutRequest({ logoutChallenge: `unknown-${randomUUID()}` }),
  ]) {
    await assert.rejects(call(), (error) => {
      assert.equal(error.response?.status, 404);
      return true;
    });
  }
});
