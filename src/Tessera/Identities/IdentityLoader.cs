// SPDX-License-Identifier: Apache-2.0
using System.Data.Common;
using Dapper;
using static Tessera.Identities.IdentityRows;

namespace Tessera.Identities;

/// <summary>
/// Loads whole identities for a set of identity rows: one query per child table for the whole set (never one
/// per identity), so a page of 1,000 costs five queries.
/// </summary>
internal static class IdentityLoader
{
    public static async Task<List<Identity>> LoadAsync(DbConnection connection, Guid nid, IReadOnlyList<IdentityRow> rows, DbTransaction? transaction = null)
    {
        if (rows.Count == 0)
        {
            return [];
        }

        var parameters = new DynamicParameters();
        parameters.Add("Nid", nid);
        var names = new List<string>(rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            parameters.Add($"i{i}", rows[i].Id);
            names.Add($"@i{i}");
        }

        var inList = string.Join(", ", names);
        var credentials = (await connection.QueryAsync<CredentialRow>(
            $"SELECT * FROM identity_credentials WHERE nid = @Nid AND identity_id IN ({inList})", parameters, transaction)).ToLookup(c => c.IdentityId);
        var identifiers = (await connection.QueryAsync<IdentifierRow>(
            $"SELECT * FROM identity_credential_identifiers WHERE nid = @Nid AND identity_id IN ({inList})", parameters, transaction)).ToLookup(i => i.IdentityCredentialId);
        var verifiable = (await connection.QueryAsync<AddressRow>(
            $"SELECT * FROM identity_verifiable_addresses WHERE nid = @Nid AND identity_id IN ({inList}) ORDER BY created_at, value", parameters, transaction)).ToLookup(a => a.IdentityId);
        var recovery = (await connection.QueryAsync<RecoveryAddressRow>(
            $"SELECT * FROM identity_recovery_addresses WHERE nid = @Nid AND identity_id IN ({inList}) ORDER BY created_at, value", parameters, transaction)).ToLookup(a => a.IdentityId);

        return rows.Select(r => IdentityRowMapper.FromRows(r, credentials[r.Id], identifiers, verifiable[r.Id], recovery[r.Id])).ToList();
    }
}
