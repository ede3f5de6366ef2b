// SPDX-License-Identifier: Apache-2.0
using System.Text.Json.Nodes;

namespace Tessera.Identities.Admin;

/// <summary>Kratos's <c>identityCredentials</c>; <see cref="Config"/> (hashes, secrets) only with <c>include_credential</c>.</summary>
internal sealed record CredentialResponse(
    string Type,
    IReadOnlyList<string> Identifiers,
    int Version,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    JsonObject? Config);
