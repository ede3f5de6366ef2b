// SPDX-License-Identifier: Apache-2.0
// Every operation of Kratos's OpenAPI that Tessera serves, called at least once through Ory's published SDKs,
// unchanged: @ory/client, and @ory/kratos-client for the health probes @ory/client leaves out. Each call is
// recorded; the last test checks that the calls made are exactly the operations listed in sdk-operations.json,
// which SdkOperationCoverageTests (C#) compares with the endpoints Tessera maps.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import path from "node:path";
import { Configuration, CourierApi, FrontendApi, IdentityApi } from "@ory/client";
import { Configuration as KratosConfiguration, MetadataApi } from "@ory/kratos-client";
import { startTessera } from "./tessera-server.js";

const here = path.dirname(fileURLToPath(import.meta.url));
const listed = JSON.parse(readFileSync(path.join(here, "sdk-operations.json"), "utf8")).operations;
const called = new Set();

// Records each operation (the SDK method is named after the operationId) once it answered.
function recorded(api) {
  return new Proxy(api, {
    get(target, name) {
      const value = target[name];
      if (typeof value !== "function" || typeof name !== "string") return value;
      return async (...args) => {
        try {
          const response = await value.apply(target, args);
          called.add(name);
          return response;
        } catch (error) {
          // Name the operation and show the body: a bare "status code 400" says nothing.
          if (error.response) error.message += ` (${name}: ${JSON.stringify(error.response.data).slice(0, 800)})`;
          throw error;
        }
      };
    },
  });
}

// A call that must fail: the operation still counts as exercised once it answered with the expected status.
async function rejectsWith(promise, status, operation) {
  await assert.rejects(promise, (error) => {
    assert.equal(error.response?.status, status, JSON.stringify(error.response?.data));
    return true;
  });
  called.add(operation);
}

let server;
let frontend;
let identity;
let courier;
let publicMetadata;
let adminMetadata;
const noRedirects = { maxRedirects: 0, validateStatus: (s) => s >= 200 && s < 400 };

before(async () => {
  // Recovery and verification are off by default, as in Kratos.
  server = await startTessera({
    SELFSERVICE_FLOWS_RECOVERY_ENABLED: "true",
    SELFSERVICE_FLOWS_VERIFICATION_ENABLED: "true",
    // The link method on (recovery still uses codes): createRecoveryLinkForIdentity answers with a link.
    SELFSERVICE_METHODS_LINK_ENABLED: "true",
    // Many passwords are hashed here: small argon2 costs keep the run short (the costs are not under test).
    HASHERS_ARGON2_MEMORY: "8MB",
    HASHERS_ARGON2_PARALLELISM: "1",
  });
  frontend = recorded(new FrontendApi(new Configuration({ basePath: server.publicUrl })));
  identity = recorded(new IdentityApi(new Configuration({ basePath: server.adminUrl })));
  courier = recorded(new CourierApi(new Configuration({ basePath: server.adminUrl })));
  publicMetadata = recorded(new MetadataApi(new KratosConfiguration({ basePath: server.publicUrl })));
  adminMetadata = recorded(new MetadataApi(new KratosConfiguration({ basePath: server.adminUrl })));
});

after(async () => {
  await server?.stop();
});

const newEmail = () => `ops-${randomUUID()}@example.com`;
const newPassword = () => `operations passphrase ${randomUUID()}`;
const cookiesOf = (response) => (response.headers["set-cookie"] ?? []).map((c) => c.split(";")[0]);
const csrfOf = (flow) => flow.ui.nodes.find((n) => n.attributes?.name === "csrf_token")?.attributes.value ?? "";

async function register(email = newEmail(), password = newPassword()) {
  const { data: flow } = await frontend.createNativeRegistrationFlow();
  // One request with traits and password: valid in both of Kratos's registration forms.
  const { data } = await frontend.updateRegistrationFlow({
    flow: flow.id,
    updateRegistrationFlowBody: { method: "password", password, traits: { email } },
  });
  return { email, password, identityId: data.identity.id };
}

async function login(email, password) {
  const { data: flow } = await frontend.createNativeLoginFlow();
  const { data } = await frontend.updateLoginFlow({
    flow: flow.id,
    updateLoginFlowBody: { method: "password", identifier: email, password },
  });
  return data;
}

async function lastCodeFor(email) {
  const { data: messages } = await courier.listCourierMessages({ recipient: email, pageSize: 10 });
  assert.ok(messages.length > 0, `a message to ${email}`);
  const { data: message } = await courier.getCourierMessage({ id: messages[0].id });
  assert.equal(message.recipient, email);
  const code = message.body.match(/\b\d{6}\b/)?.[0];
  assert.ok(code, "the message carries a six-digit code");
  return code;
}

test("metadata: health and version on both listeners", async () => {
  for (const metadata of [publicMetadata, adminMetadata]) {
    assert.equal((await metadata.isAlive()).data.status, "ok");
    assert.equal((await metadata.isReady()).data.status, "ok");
    assert.match((await metadata.getVersion()).data.version, /^\d+\.\d+\.\d+/);
  }
});

test("the WebAuthn script Ory's UIs load", async () => {
  const { data: script, headers } = await frontend.getWebAuthnJavaScript();
  assert.match(headers["content-type"], /javascript/);
  assert.match(script, /oryPasskeyLogin/);
});

test("schemas and error containers", async () => {
  const { data: schemas, headers } = await identity.listIdentitySchemas({ pageSize: 10 });
  assert.ok(schemas.some((s) => s.id === "default"));
  assert.equal(headers["x-total-count"], String(schemas.length));
  const { data: schema } = await identity.getIdentitySchema({ id: "default" });
  assert.equal(typeof schema.properties, "object");
  const { data: error } = await frontend.getFlowError({ id: "stub:500" });
  assert.equal(error.error.code, 500);
});

test("the WebAuthn script Ory's UIs load for passkeys and security keys", async () => {
  const { data: script, headers } = await frontend.getWebAuthnJavaScript();
  assert.match(headers["content-type"], /javascript/);
  assert.match(String(script), /oryPasskeyLogin/);
});

test("native registration, login, whoami, my sessions and logout", async () => {
  const { email, password, identityId } = await register();
  const first = await login(email, password);
  const second = await login(email, password);
  const third = await login(email, password);

  const { data: session } = await frontend.toSession({ xSessionToken: first.session_token });
  assert.equal(session.identity.id, identityId);

  const { data: mine, headers } = await frontend.listMySessions({ xSessionToken: first.session_token, pageSize: 1 });
  assert.equal(mine.length, 1);
  assert.ok(Number(headers["x-total-count"]) >= 2);
  assert.match(headers.link, /page_token=/);

  const { status } = await frontend.disableMySession({ id: second.session.id, xSessionToken: first.session_token });
  assert.equal(status, 204);
  const { data: revoked } = await frontend.disableMyOtherSessions({ xSessionToken: first.session_token });
  assert.ok(revoked.count >= 1);
  await assert.rejects(frontend.toSession({ xSessionToken: third.session_token }), (e) => e.response?.status === 401);

  await frontend.performNativeLogout({ performNativeLogoutBody: { session_token: first.session_token } });
  await assert.rejects(frontend.toSession({ xSessionToken: first.session_token }), (e) => e.response?.status === 401);
});

test("browser flows as a single-page app: JSON answers, CSRF cookie and token", async () => {
  const { email, password } = await register();

  const registration = await frontend.createBrowserRegistrationFlow();
  assert.equal(registration.data.type, "browser");
  const { data: fetchedRegistration } = await frontend.getRegistrationFlow({
    id: registration.data.id, cookie: cookiesOf(registration).join("; "),
  });
  assert.equal(fetchedRegistration.id, registration.data.id);

  const loginFlow = await frontend.createBrowserLoginFlow();
  const csrfCookies = cookiesOf(loginFlow);
  const { data: fetchedLogin } = await frontend.getLoginFlow({ id: loginFlow.data.id, cookie: csrfCookies.join("; ") });
  assert.equal(fetchedLogin.id, loginFlow.data.id);
  const loggedIn = await frontend.updateLoginFlow({
    flow: loginFlow.data.id,
    cookie: csrfCookies.join("; "),
    updateLoginFlowBody: { method: "password", identifier: email, password, csrf_token: csrfOf(loginFlow.data) },
  });
  assert.equal(loggedIn.data.session.identity.traits.email, email);
  const browserCookies = [...csrfCookies, ...cookiesOf(loggedIn)].join("; ");

  const settings = await frontend.createBrowserSettingsFlow({ cookie: browserCookies });
  assert.equal(settings.data.type, "browser");

  const recovery = await frontend.createBrowserRecoveryFlow();
  assert.equal(recovery.data.type, "browser");
  const verification = await frontend.createBrowserVerificationFlow();
  assert.equal(verification.data.type, "browser");

  const { data: logout } = await frontend.createBrowserLogoutFlow({ cookie: browserCookies });
  assert.ok(logout.logout_token);
  assert.match(logout.logout_url, /\/self-service\/logout\?token=/);
  const loggedOut = await frontend.updateLogoutFlow({ token: logout.logout_token }, { ...noRedirects, headers: { Cookie: browserCookies } });
  assert.ok([204, 303].includes(loggedOut.status), `logout answered ${loggedOut.status}`);
  await assert.rejects(frontend.toSession({ cookie: browserCookies }), (e) => e.response?.status === 401);
});

test("native settings: profile and password", async () => {
  const { email, password } = await register();
  const { session_token: token } = await login(email, password);

  const { data: flow } = await frontend.createNativeSettingsFlow({ xSessionToken: token });
  const { data: fetched } = await frontend.getSettingsFlow({ id: flow.id, xSessionToken: token });
  assert.equal(fetched.id, flow.id);
  const changed = newEmail();
  const { data: updated } = await frontend.updateSettingsFlow({
    flow: flow.id, xSessionToken: token, updateSettingsFlowBody: { method: "profile", traits: { email: changed } },
  });
  assert.equal(updated.state, "success");
  assert.equal(updated.identity.traits.email, changed);

  const newPass = newPassword();
  const { data: again } = await frontend.createNativeSettingsFlow({ xSessionToken: token });
  await frontend.updateSettingsFlow({
    flow: again.id, xSessionToken: token, updateSettingsFlowBody: { method: "password", password: newPass },
  });
  const relogin = await login(changed, newPass);
  assert.ok(relogin.session_token);
});

test("native verification and recovery by e-mailed code, read through the courier API", async () => {
  const { email, password } = await register();

  const { data: verification } = await frontend.createNativeVerificationFlow();
  const { data: fetchedVerification } = await frontend.getVerificationFlow({ id: verification.id });
  assert.equal(fetchedVerification.id, verification.id);
  const { data: sent } = await frontend.updateVerificationFlow({
    flow: verification.id, updateVerificationFlowBody: { method: "code", email },
  });
  assert.equal(sent.state, "sent_email");
  const { data: verified } = await frontend.updateVerificationFlow({
    flow: verification.id, updateVerificationFlowBody: { method: "code", code: await lastCodeFor(email) },
  });
  assert.equal(verified.state, "passed_challenge");

  const { data: recovery } = await frontend.createNativeRecoveryFlow();
  const { data: fetchedRecovery } = await frontend.getRecoveryFlow({ id: recovery.id });
  assert.equal(fetchedRecovery.id, recovery.id);
  const { data: recoverySent } = await frontend.updateRecoveryFlow({
    flow: recovery.id, updateRecoveryFlowBody: { method: "code", email },
  });
  assert.equal(recoverySent.state, "sent_email");
  const { data: recovered } = await frontend.updateRecoveryFlow({
    flow: recovery.id, updateRecoveryFlowBody: { method: "code", code: await lastCodeFor(email) },
  });
  assert.ok(recovered.continue_with?.some((c) => c.action === "set_ory_session_token" || c.action === "show_settings_ui"),
    JSON.stringify(recovered.continue_with));
  assert.ok((await login(email, password)).session_token);
});

test("admin identities: create, read, list, update, patch, batch, credentials, recovery code, delete", async () => {
  const email = newEmail();
  const { data: created } = await identity.createIdentity({
    createIdentityBody: { schema_id: "default", traits: { email }, credentials: { password: { config: { password: newPassword() } } } },
  });
  assert.equal(created.traits.email, email);

  const { data: withHash } = await identity.getIdentity({ id: created.id, includeCredential: ["password"] });
  assert.match(withHash.credentials.password.config.hashed_password, /^\$argon2id\$/);

  const { data: listed, headers } = await identity.listIdentities({ credentialsIdentifier: email });
  assert.deepEqual(listed.map((i) => i.id), [created.id]);
  assert.equal(listed[0].credentials, undefined, "list items carry no credentials");
  assert.match(headers.link, /rel="first"/);

  const renamed = newEmail();
  const { data: updated } = await identity.updateIdentity({
    id: created.id, updateIdentityBody: { schema_id: "default", state: "active", traits: { email: renamed } },
  });
  assert.equal(updated.traits.email, renamed);

  const { data: patched } = await identity.patchIdentity({
    id: created.id, jsonPatch: [{ op: "replace", path: "/metadata_public", value: { plan: "gold" } }],
  });
  assert.deepEqual(patched.metadata_public, { plan: "gold" });

  const { data: batch } = await identity.batchPatchIdentities({
    patchIdentitiesBody: { identities: [{ create: { schema_id: "default", traits: { email: newEmail() } } }] },
  });
  assert.equal(batch.identities[0].action, "create");

  const { data: code } = await identity.createRecoveryCodeForIdentity({
    createRecoveryCodeForIdentityBody: { identity_id: created.id },
  });
  assert.match(code.recovery_code, /^\d+$/);
  // As Kratos: the link opens the recovery UI on the flow that accepts the code.
  assert.match(code.recovery_link, /[?&]flow=[0-9a-f-]{36}/);

  const { data: link } = await identity.createRecoveryLinkForIdentity({
    createRecoveryLinkForIdentityBody: { identity_id: created.id, expires_in: "15m" },
  });
  assert.match(link.recovery_link, /[?&]token=[A-Za-z0-9]+/);
  assert.ok(Date.parse(link.expires_at) > Date.now());

  const { status: credentialDeleted } = await identity.deleteIdentityCredentials({ id: created.id, type: "password" });
  assert.equal(credentialDeleted, 204);
  const { status: deleted } = await identity.deleteIdentity({ id: created.id });
  assert.equal(deleted, 204);
  await rejectsWith(identity.getIdentity({ id: created.id }), 404, "getIdentity");
});

test("admin sessions: list with expand and paging, get, extend, list an identity's, revoke", async () => {
  const { email, password, identityId } = await register();
  const first = await login(email, password);
  await login(email, password);

  const { data: page, headers } = await identity.listSessions({ pageSize: 1, active: true });
  assert.equal(page.length, 1);
  assert.equal(page[0].identity, undefined, "identity only when expanded");
  assert.ok(Number(headers["x-total-count"]) >= 2);
  assert.match(headers.link, /^<\/admin\/sessions\?/);
  const { data: expanded } = await identity.listSessions({ pageSize: 1000, expand: ["identity", "devices"] });
  assert.ok(expanded.every((s) => s.identity?.id && Array.isArray(s.devices)));

  const { data: session } = await identity.getSession({ id: first.session.id, expand: ["identity"] });
  assert.equal(session.identity.id, identityId);
  const { data: extended } = await identity.extendSession({ id: first.session.id });
  assert.equal(extended.id, first.session.id);

  const { data: ofIdentity } = await identity.listIdentitySessions({ id: identityId });
  assert.ok(ofIdentity.length >= 2);

  const { status: disabled } = await identity.disableSession({ id: first.session.id });
  assert.equal(disabled, 204);
  const { data: inactive } = await identity.listIdentitySessions({ id: identityId, active: false });
  assert.ok(inactive.some((s) => s.id === first.session.id));
  const { status: wiped } = await identity.deleteIdentitySessions({ id: identityId });
  assert.equal(wiped, 204);
  assert.deepEqual((await identity.listIdentitySessions({ id: identityId })).data, []);
});

test("native flows ask for the session-token exchange; codes that name no completed sign-in are refused", async () => {
  const { data: flow } = await frontend.createNativeLoginFlow({ returnSessionTokenExchangeCode: true });
  assert.ok(flow.session_token_exchange_code?.length >= 40, JSON.stringify(flow));
  await assert.rejects(
    frontend.exchangeSessionToken({ initCode: flow.session_token_exchange_code, returnToCode: "not-returned-yet" }),
    (error) => {
      assert.equal(error.response?.status, 404);
      assert.equal(error.response?.data?.error?.id, "session_token_exchange_code_invalid");
      return true;
    },
  );
  called.add("exchangeSessionToken");
});

test("every operation listed in sdk-operations.json was called, and no other", () => {
  assert.deepEqual([...called].sort(), [...listed].sort());
});
