// SPDX-License-Identifier: Apache-2.0
using System.Text.Json.Nodes;

namespace Tessera.Identities.Schemas;

/// <summary>Kratos's <c>identitySchemaContainer</c>: <c>{"id", "schema"}</c>.</summary>
internal sealed record IdentitySchemaContainer(string Id, JsonObject Schema);
