// SPDX-License-Identifier: Apache-2.0
// Ory's published SDK (@ory/client), unchanged, against Tessera: the API-client journey of issue 5.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { Configuration, FrontendApi } from "@ory/client";
import { startTessera } from "./tessera-server.js";

let server;
let frontend;

before(async () => {
  server = await startTessera();
  frontend = new FrontendApi(new Configuration({ basePath: server.publicUrl }));
});

after(async () => {
  await server?.stop();
});

test("registers, logs in, calls whoami and logs out with the SDK", async () => {
  const email = `sdk-${randomUUID()}@example.com`;
  const password = `correct horse ${randomUUID()}`;

  const { data: registrationFlow } = await frontend.createNativeRegistrationFlow();
  assert.equal(registrationFlow.type, "api");
  const { data: registered } = await frontend.updateRegistrationFlow({
    flow: registrationFlow.id,
    updateRegistrationFlowBody: { method: "password", password, traits: { email } },
  });
  assert.equal(registered.identity.traits.email, email);

  const { data: loginFlow } = await frontend.createNativeLoginFlow();
  const { data: login } = await frontend.updateLoginFlow({
    flow: loginFlow.id,
    updateLoginFlowBody: { method: "password", identifier: email, password },
  });
  assert.ok(login.session_token, "login returns a session token");

  const { data: session } = await frontend.toSession({ xSessionToken: login.session_token });
  assert.equal(session.active, true);
  assert.equal(session.identity.traits.email, email);

  await frontend.performNativeLogout({ performNativeLogoutBody: { session_token: login.session_token } });
  await assert.rejects(frontend.toSession({ xSessionToken: login.session_token }), (error) => {
    assert.equal(error.response?.status, 401);
    assert.equal(error.response?.data?.error?.id, "session_inactive");
    return true;
  });
});

test("a wrong password comes back on the flow with message 4000006", async () => {
  const { data: loginFlow } = await frontend.createNativeLoginFlow();
  await assert.rejects(
    frontend.updateLoginFlow({
      flow: loginFlow.id,
      updateLoginFlowBody: { method: "password", identifier: `nobody-${randomUUID()}@example.com`, password: "wrong password" },
    }),
    (error) => {
      assert.equal(error.response?.status, 400);
      const ids = error.response.data.ui.messages.map((m) => m.id);
      assert.ok(ids.includes(4000006), `expected 4000006 in ${JSON.stringify(ids)}`);
      return true;
    },
  );
});

test("the error stubs are readable with the SDK", async () => {
  const { data } = await frontend.getFlowError({ id: "stub:500" });
  assert.equal(data.error.code, 500);
});
