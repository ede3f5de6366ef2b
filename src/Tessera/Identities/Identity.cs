// SPDX-License-Identifier: Apache-2.0
using System.Text.Json.Nodes;

namespace Tessera.Identities;

/// <summary>
/// A (human) user: traits validated by an identity schema, credentials to authenticate with, and the addresses
/// the schema marks as verifiable or recoverable. Mutable while <see cref="IdentityManager"/> prepares it; the
/// store writes it as a whole.
/// </summary>
internal sealed class Identity
{
    public Guid Id { get; set; }

    public required string SchemaId { get; set; }

    public required JsonObject Traits { get; set; }

    public string State { get; set; } = IdentityStates.Active;

    public DateTimeOffset? StateChangedAt { get; set; }

    public JsonNode? MetadataPublic { get; set; }

    public JsonNode? MetadataAdmin { get; set; }

    public string? ExternalId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Moves with every stored write; <see cref="IdentityStore.UpdateAsync"/> lands only on the version it read.</summary>
    public long Version { get; set; }

    public Dictionary<string, IdentityCredential> Credentials { get; set; } = new(StringComparer.Ordinal);

    public List<VerifiableAddress> VerifiableAddresses { get; set; } = [];

    public List<RecoveryAddress> RecoveryAddresses { get; set; } = [];

    public bool IsActive => State == IdentityStates.Active;
}
