// SPDX-License-Identifier: Apache-2.0
namespace Tessera.Identities;

/// <summary>The rows of the identity tables as Dapper reads and writes them.</summary>
internal static class IdentityRows
{
    internal sealed class IdentityRow
    {
        public Guid Id { get; set; }

        public Guid Nid { get; set; }

        public string SchemaId { get; set; } = string.Empty;

        public string Traits { get; set; } = "{}";

        public string State { get; set; } = IdentityStates.Active;

        public DateTimeOffset? StateChangedAt { get; set; }

        public string? MetadataPublic { get; set; }

        public string? MetadataAdmin { get; set; }

        public string? ExternalId { get; set; }

        public DateTimeOffset CreatedAt { get; set; }

        public DateTimeOffset UpdatedAt { get; set; }

        public long Version { get; set; }
    }

    internal sealed class CredentialRow
    {
        public Guid Id { get; set; }

        public Guid Nid { get; set; }

        public Guid IdentityId { get; set; }

        public string Type { get; set; } = string.Empty;

        public string Config { get; set; } = "{}";

        public int Version { get; set; }

        public DateTimeOffset CreatedAt { get; set; }

        public DateTimeOffset UpdatedAt { get; set; }
    }

    internal sealed class IdentifierRow
    {
        public Guid Id { get; set; }

        public Guid Nid { get; set; }

        public Guid IdentityCredentialId { get; set; }

        public Guid IdentityId { get; set; }

        public string Type { get; set; } = string.Empty;

        public string Identifier { get; set; } = string.Empty;

        public DateTimeOffset CreatedAt { get; set; }

        public DateTimeOffset UpdatedAt { get; set; }
    }

    internal sealed class AddressRow
    {
        public Guid Id { get; set; }

        public Guid Nid { get; set; }

        public Guid IdentityId { get; set; }

        public string Via { get; set; } = string.Empty;

        public string Value { get; set; } = string.Empty;

        public bool Verified { get; set; }

        public DateTimeOffset? VerifiedAt { get; set; }

        public string Status { get; set; } = string.Empty;

        public DateTimeOffset CreatedAt { get; set; }

        public DateTimeOffset UpdatedAt { get; set; }
    }

    internal sealed class RecoveryAddressRow
    {
        public Guid Id { get; set; }

        public Guid Nid { get; set; }

        public Guid IdentityId { get; set; }

        public string Via { get; set; } = string.Empty;

        public string Value { get; set; } = string.Empty;

        public DateTimeOffset CreatedAt { get; set; }

        public DateTimeOffset UpdatedAt { get; set; }
    }
}
