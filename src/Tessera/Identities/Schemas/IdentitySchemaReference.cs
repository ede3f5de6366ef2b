// SPDX-License-Identifier: Apache-2.0
namespace Tessera.Identities.Schemas;

/// <summary>One entry of <c>identity.schemas</c>: an id and where the JSON Schema is (<c>file://</c>, <c>base64://</c>, <c>http(s)://</c>).</summary>
internal sealed record IdentitySchemaReference(string Id, string Url);
