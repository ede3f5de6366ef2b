// SPDX-License-Identifier: Apache-2.0
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Tessera.Identities.Admin;

/// <summary>Kratos's <c>identity</c> as the admin API returns it. Credentials carry their config only when asked for.</summary>
internal sealed record IdentityResponse(
    Guid Id,
    string SchemaId,
    string SchemaUrl,
    string State,
    DateTimeOffset? StateChangedAt,
    JsonObject Traits,
    IReadOnlyList<VerifiableAddress> VerifiableAddresses,
    IReadOnlyList<RecoveryAddress> RecoveryAddresses,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] JsonNode? MetadataPublic,
    JsonNode? MetadataAdmin,
    string? ExternalId,
    IReadOnlyDictionary<string, CredentialResponse>? Credentials,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    public static IdentityResponse From(Identity identity, Uri publicBaseUrl, IReadOnlySet<string> includeCredentials) => new(
        identity.Id,
        identity.SchemaId,
        new Uri(publicBaseUrl, $"schemas/{Schemas.IdentitySchemaRegistry.Encode(identity.SchemaId)}").ToString(),
        identity.State,
        identity.StateChangedAt,
        identity.Traits,
        identity.VerifiableAddresses,
        identity.RecoveryAddresses,
        identity.MetadataPublic,
        identity.MetadataAdmin,
        identity.ExternalId,
        identity.Credentials.Values.OrderBy(c => c.Type, StringComparer.Ordinal).ToDictionary(
            c => c.Type,
            c => new CredentialResponse(c.Type, c.Identifiers, c.Version, c.CreatedAt, c.UpdatedAt,
                includeCredentials.Contains(c.Type) ? c.Config : null),
            StringComparer.Ordinal),
        identity.CreatedAt,
        identity.UpdatedAt);
}
