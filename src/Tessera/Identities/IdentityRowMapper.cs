// SPDX-License-Identifier: Apache-2.0
using System.Text.Json.Nodes;
using static Tessera.Identities.IdentityRows;

namespace Tessera.Identities;

/// <summary>Turns an <see cref="Identity"/> into rows and rows back into identities.</summary>
internal static class IdentityRowMapper
{
    public static IdentityRow ToRow(Identity identity, Guid nid) => new()
    {
        Id = identity.Id,
        Nid = nid,
        SchemaId = identity.SchemaId,
        Traits = identity.Traits.ToJsonString(),
        State = identity.State,
        StateChangedAt = identity.StateChangedAt,
        MetadataPublic = identity.MetadataPublic?.ToJsonString(),
        MetadataAdmin = identity.MetadataAdmin?.ToJsonString(),
        ExternalId = identity.ExternalId,
        CreatedAt = identity.CreatedAt,
        UpdatedAt = identity.UpdatedAt,
        Version = identity.Version,
    };

    public static IEnumerable<CredentialRow> CredentialRows(Identity identity, Guid nid) =>
        identity.Credentials.Values.Select(c => new CredentialRow
        {
            Id = c.Id,
            Nid = nid,
            IdentityId = identity.Id,
            Type = c.Type,
            Config = c.Config.ToJsonString(),
            Version = c.Version,
            CreatedAt = c.CreatedAt,
            UpdatedAt = c.UpdatedAt,
        });

    public static IEnumerable<IdentifierRow> IdentifierRows(Identity identity, Guid nid) =>
        identity.Credentials.Values.SelectMany(c => c.Identifiers.Distinct(StringComparer.Ordinal).Select(identifier => new IdentifierRow
        {
            Id = Guid.NewGuid(),
            Nid = nid,
            IdentityCredentialId = c.Id,
            IdentityId = identity.Id,
            Type = c.Type,
            Identifier = identifier,
            CreatedAt = c.CreatedAt,
            UpdatedAt = c.UpdatedAt,
        }));

    public static IEnumerable<AddressRow> VerifiableRows(Identity identity, Guid nid) =>
        identity.VerifiableAddresses.Select(a => new AddressRow
        {
            Id = a.Id,
            Nid = nid,
            IdentityId = identity.Id,
            Via = a.Via,
            Value = a.Value,
            Verified = a.Verified,
            VerifiedAt = a.VerifiedAt,
            Status = a.Status,
            CreatedAt = a.CreatedAt,
            UpdatedAt = a.UpdatedAt,
        });

    public static IEnumerable<RecoveryAddressRow> RecoveryRows(Identity identity, Guid nid) =>
        identity.RecoveryAddresses.Select(a => new RecoveryAddressRow
        {
            Id = a.Id,
            Nid = nid,
            IdentityId = identity.Id,
            Via = a.Via,
            Value = a.Value,
            CreatedAt = a.CreatedAt,
            UpdatedAt = a.UpdatedAt,
        });

    public static Identity FromRows(
        IdentityRow row,
        IEnumerable<CredentialRow> credentials,
        ILookup<Guid, IdentifierRow> identifiers,
        IEnumerable<AddressRow> verifiable,
        IEnumerable<RecoveryAddressRow> recovery) => new()
        {
            Id = row.Id,
            SchemaId = row.SchemaId,
            Traits = JsonNode.Parse(row.Traits) as JsonObject ?? [],
            State = row.State,
            StateChangedAt = row.StateChangedAt,
            MetadataPublic = row.MetadataPublic is null ? null : JsonNode.Parse(row.MetadataPublic),
            MetadataAdmin = row.MetadataAdmin is null ? null : JsonNode.Parse(row.MetadataAdmin),
            ExternalId = row.ExternalId,
            CreatedAt = row.CreatedAt,
            UpdatedAt = row.UpdatedAt,
            Version = row.Version,
            Credentials = credentials.ToDictionary(c => c.Type, c => new IdentityCredential
            {
                Id = c.Id,
                Type = c.Type,
                Config = JsonNode.Parse(c.Config) as JsonObject ?? [],
                Version = c.Version,
                CreatedAt = c.CreatedAt,
                UpdatedAt = c.UpdatedAt,
                Identifiers = identifiers[c.Id].Select(i => i.Identifier).Order(StringComparer.Ordinal).ToList(),
            }, StringComparer.Ordinal),
            VerifiableAddresses = verifiable.Select(a => new VerifiableAddress
            {
                Id = a.Id,
                Via = a.Via,
                Value = a.Value,
                Verified = a.Verified,
                VerifiedAt = a.VerifiedAt,
                Status = a.Status,
                CreatedAt = a.CreatedAt,
                UpdatedAt = a.UpdatedAt,
            }).ToList(),
            RecoveryAddresses = recovery.Select(a => new RecoveryAddress
            {
                Id = a.Id,
                Via = a.Via,
                Value = a.Value,
                CreatedAt = a.CreatedAt,
                UpdatedAt = a.UpdatedAt,
            }).ToList(),
        };
}
