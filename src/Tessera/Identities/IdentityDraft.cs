// SPDX-License-Identifier: Apache-2.0
using System.Text.Json.Nodes;

namespace Tessera.Identities;

/// <summary>
/// What a caller wants an identity to be (Kratos's <c>createIdentityBody</c> / <c>updateIdentityBody</c>), before
/// validation: <see cref="IdentityManager"/> turns it into an <see cref="Identity"/> or a catalog error.
/// </summary>
internal sealed record IdentityDraft(
    string? SchemaId,
    JsonObject Traits,
    string? State = null,
    JsonNode? MetadataPublic = null,
    JsonNode? MetadataAdmin = null,
    string? ExternalId = null,
    string? Password = null,
    string? HashedPassword = null,
    IReadOnlyList<VerifiableAddress>? VerifiableAddresses = null,
    IReadOnlyList<RecoveryAddress>? RecoveryAddresses = null,
    IReadOnlyList<OidcLinkDraft>? OidcProviders = null);
