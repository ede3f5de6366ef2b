// SPDX-License-Identifier: Apache-2.0
// Ory's published Keto SDK (@ory/keto-client), unchanged, against Tessera's permissions API (issue 24, acceptance 1):
// writes go to the admin listener, reads and checks to the public one, as with Keto's write and read ports.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { Configuration, PermissionApi, RelationshipApi } from "@ory/keto-client";
import { startTessera } from "./tessera-server.js";

let server;
let write;
let read;
let permissions;

before(async () => {
  server = await startTessera({
    PERMISSIONS_NAMESPACES: JSON.stringify([{ id: 0, name: "files" }, { id: 1, name: "groups" }]),
  });
  write = new RelationshipApi(new Configuration({ basePath: server.adminUrl }));
  read = new RelationshipApi(new Configuration({ basePath: server.publicUrl }));
  permissions = new PermissionApi(new Configuration({ basePath: server.publicUrl }));
});

after(async () => {
  await server?.stop();
});

test("writes tuples, checks (allowed and denied), expands and lists with the Keto SDK", async () => {
  const doc = `doc-${randomUUID()}`;
  const group = `eng-${randomUUID()}`;

  const { status: created, data: tuple } = await write.createRelationship({
    createRelationshipBody: {
      namespace: "files",
      object: doc,
      relation: "view",
      subject_set: { namespace: "groups", object: group, relation: "member" },
    },
  });
  assert.equal(created, 201);
  assert.equal(tuple.subject_set.object, group);
  await write.patchRelationships({
    relationshipPatch: [
      { action: "insert", relation_tuple: { namespace: "groups", object: group, relation: "member", subject_id: "alice" } },
      { action: "insert", relation_tuple: { namespace: "files", object: doc, relation: "view", subject_id: "bob" } },
    ],
  });

  const { data: allowed } = await permissions.checkPermission({ namespace: "files", object: doc, relation: "view", subjectId: "alice" });
  assert.equal(allowed.allowed, true);
  const { data: denied } = await permissions.checkPermission({ namespace: "files", object: doc, relation: "view", subjectId: "mallory" });
  assert.equal(denied.allowed, false);
  const { status: orErrorStatus } = await permissions.checkPermissionOrError({ namespace: "files", object: doc, relation: "view", subjectId: "alice" });
  assert.equal(orErrorStatus, 200);
  await assert.rejects(
    permissions.checkPermissionOrError({ namespace: "files", object: doc, relation: "view", subjectId: "mallory" }),
    (e) => e.response?.status === 403 && e.response.data.allowed === false,
  );
  const { data: posted } = await permissions.postCheckPermission({
    postCheckPermissionBody: { namespace: "files", object: doc, relation: "view", subject_id: "alice" },
  });
  assert.equal(posted.allowed, true);
  const { data: batch } = await permissions.batchCheckPermission({
    batchCheckPermissionBody: {
      tuples: [
        { namespace: "files", object: doc, relation: "view", subject_id: "alice" },
        { namespace: "files", object: doc, relation: "view", subject_id: "mallory" },
      ],
    },
  });
  assert.deepEqual(batch.results.map((r) => r.allowed), [true, false]);

  const { data: tree } = await permissions.expandPermissions({ namespace: "files", object: doc, relation: "view", maxDepth: 3 });
  assert.equal(tree.type, "union");
  const subjects = tree.children.flatMap((c) => (c.children ?? [c]).map((l) => l.tuple.subject_id));
  assert.deepEqual(subjects.sort(), ["alice", "bob"]);

  const first = await read.getRelationships({ namespace: "files", object: doc, pageSize: 1 });
  assert.equal(first.data.relation_tuples.length, 1);
  assert.notEqual(first.data.next_page_token, "");
  const second = await read.getRelationships({ namespace: "files", object: doc, pageSize: 1, pageToken: first.data.next_page_token });
  assert.equal(second.data.relation_tuples.length, 1);
  assert.equal(second.data.next_page_token, "");

  const { data: namespaces } = await read.listRelationshipNamespaces();
  assert.deepEqual(namespaces.namespaces.map((n) => n.name), ["files", "groups"]);

  await write.deleteRelationships({ namespace: "files", object: doc, subjectId: "bob" });
  const { data: afterDelete } = await permissions.checkPermission({ namespace: "files", object: doc, relation: "view", subjectId: "bob" });
  assert.equal(afterDelete.allowed, false);
});

test("answers Keto's error envelope for an unknown namespace", async () => {
  await assert.rejects(
    permissions.checkPermission({ namespace: "nope", object: "x", relation: "view", subjectId: "alice" }),
    (e) => e.response?.status === 404 && e.response.data.error.code === 404,
  );
});
