// SPDX-License-Identifier: Apache-2.0
using System.Data.Common;
using System.Text.Json.Nodes;
using Dapper;
using Tessera.Persistence;
using static Tessera.Identities.IdentityRows;

namespace Tessera.Identities;

/// <summary>
/// Identities in SQL (the same statements serve SQLite and PostgreSQL). Every statement carries the project's
/// <c>nid</c>. Uniqueness of identifiers, addresses and external ids is left to the unique indexes: a write that
/// violates one answers <see cref="StoreWriteResult.Conflict"/>, so concurrent creates cannot both succeed.
/// </summary>
internal sealed class IdentityStore(Database database, NetworkContext network, LocalWrites writes)
{
    public async Task<StoreWriteResult> CreateAsync(Identity identity, CancellationToken cancellationToken = default) =>
        (await CreateManyAsync([identity], cancellationToken))[0];

    /// <summary>
    /// Creates the identities in one transaction. Fast path: all rows in a few multi-row inserts. If any unique
    /// index objects, the transaction is rolled back and each identity is created under its own savepoint, so a
    /// conflicting item is reported alone and the others are written (the batch API's per-item results).
    /// </summary>
    public async Task<IReadOnlyList<StoreWriteResult>> CreateManyAsync(IReadOnlyList<Identity> identities, CancellationToken cancellationToken = default)
    {
        if (identities.Count == 0)
        {
            return [];
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        if (identities.Count > 1)
        {
            await using var bulk = await connection.BeginTransactionAsync(cancellationToken);
            try
            {
                await InsertAllAsync(connection, bulk, identities);
                await bulk.CommitAsync(cancellationToken);
                return identities.Select(_ => StoreWriteResult.Written).ToList();
            }
            catch (DbException e) when (UniqueViolation.Is(e))
            {
                await bulk.RollbackAsync(cancellationToken);
            }
        }

        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var results = new List<StoreWriteResult>(identities.Count);
        foreach (var identity in identities)
        {
            await connection.ExecuteAsync("SAVEPOINT identity_create", transaction: transaction);
            try
            {
                await InsertAllAsync(connection, transaction, [identity]);
                await connection.ExecuteAsync("RELEASE SAVEPOINT identity_create", transaction: transaction);
                results.Add(StoreWriteResult.Written);
            }
            catch (DbException e) when (UniqueViolation.Is(e))
            {
                await connection.ExecuteAsync("ROLLBACK TO SAVEPOINT identity_create", transaction: transaction);
                await connection.ExecuteAsync("RELEASE SAVEPOINT identity_create", transaction: transaction);
                results.Add(StoreWriteResult.Conflict);
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return results;
    }

    /// <summary>
    /// Creates one identity inside the caller's transaction, so the caller's own write (a registration flow's claim)
    /// and the identity are committed or rolled back together. On <see cref="StoreWriteResult.Conflict"/> the caller
    /// must roll back (PostgreSQL has aborted the transaction).
    /// </summary>
    public async Task<StoreWriteResult> CreateAsync(Identity identity, DbConnection connection, DbTransaction transaction)
    {
        try
        {
            await InsertAllAsync(connection, transaction, [identity]);
            return StoreWriteResult.Written;
        }
        catch (DbException e) when (UniqueViolation.Is(e))
        {
            return StoreWriteResult.Conflict;
        }
    }

    /// <summary>
    /// Replaces the identity's row, credentials and addresses with the given ones, only if nobody wrote it since it
    /// was read (<see cref="Identity.Version"/>): otherwise <see cref="StoreWriteResult.Stale"/> and nothing is written,
    /// so a change computed from an old read never overwrites a newer one. On success the version moves on.
    /// </summary>
    public async Task<StoreWriteResult> UpdateAsync(Identity identity, CancellationToken cancellationToken = default)
    {
        using var write = writes.Write();
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        try
        {
            var updated = await connection.ExecuteAsync(
                "UPDATE identities SET schema_id = @SchemaId, traits = @Traits, state = @State, state_changed_at = @StateChangedAt, " +
                "metadata_public = @MetadataPublic, metadata_admin = @MetadataAdmin, external_id = @ExternalId, updated_at = @UpdatedAt, " +
                "version = version + 1 WHERE id = @Id AND nid = @Nid AND version = @Version",
                IdentityRowMapper.ToRow(identity, network.Id), transaction);
            if (updated == 0)
            {
                var exists = await connection.ExecuteScalarAsync<long>(
                    "SELECT COUNT(*) FROM identities WHERE id = @Id AND nid = @Nid", new { identity.Id, Nid = network.Id }, transaction);
                await transaction.RollbackAsync(cancellationToken);
                return exists == 0 ? StoreWriteResult.NotFound : StoreWriteResult.Stale;
            }

            var key = new { identity.Id, Nid = network.Id };
            await connection.ExecuteAsync("DELETE FROM identity_credentials WHERE identity_id = @Id AND nid = @Nid", key, transaction);
            await connection.ExecuteAsync("DELETE FROM identity_verifiable_addresses WHERE identity_id = @Id AND nid = @Nid", key, transaction);
            await connection.ExecuteAsync("DELETE FROM identity_recovery_addresses WHERE identity_id = @Id AND nid = @Nid", key, transaction);
            await InsertChildrenAsync(connection, transaction, identity);
            await transaction.CommitAsync(cancellationToken);
            identity.Version++;
            return StoreWriteResult.Written;
        }
        catch (DbException e) when (UniqueViolation.Is(e))
        {
            await transaction.RollbackAsync(cancellationToken);
            return StoreWriteResult.Conflict;
        }
    }

    /// <summary>
    /// Reads the identity, applies <paramref name="change"/> and writes it, again from a fresh read while another
    /// write got there first: the read-modify-write of a credential (linking an app, saving keys or backup codes) that
    /// loses nothing written concurrently. Null when the identity does not exist (or kept changing under it).
    /// </summary>
    public async Task<Identity?> ChangeAsync(Guid id, Action<Identity> change, CancellationToken cancellationToken = default)
    {
        for (var attempt = 0; attempt < MaxWriteAttempts; attempt++)
        {
            if (await GetAsync(id, cancellationToken) is not { } identity)
            {
                return null;
            }

            change(identity);
            switch (await UpdateAsync(identity, cancellationToken))
            {
                case StoreWriteResult.Written:
                    return await GetAsync(id, cancellationToken);
                case StoreWriteResult.Stale:
                    continue;
                default:
                    return null;
            }
        }

        return null;
    }

    /// <summary>How often a read-modify-write starts again after losing a race before it gives up (more racers than this are not real).</summary>
    internal const int MaxWriteAttempts = 64;

    /// <summary>Replaces one credential's configuration (a re-hashed password after login).</summary>
    public async Task<bool> UpdateCredentialConfigAsync(Guid identityId, string type, JsonObject config, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        using var write = writes.Write();
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        // The revision moves with every write, so a one-time use that read the old configuration (CredentialUses) re-reads.
        var updated = await connection.ExecuteAsync(
            "UPDATE identity_credentials SET config = @Config, revision = revision + 1, updated_at = @Now WHERE identity_id = @IdentityId AND type = @Type AND nid = @Nid",
            new { Config = config.ToJsonString(), Now = now, IdentityId = identityId, Type = type, Nid = network.Id }, transaction) > 0;
        await BumpVersionAsync(connection, transaction, identityId, updated, cancellationToken);
        return updated;
    }

    public async Task<bool> DeleteAsync(Guid id, CancellationToken cancellationToken = default)
    {
        using var write = writes.Write();
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync("DELETE FROM identities WHERE id = @Id AND nid = @Nid", new { Id = id, Nid = network.Id }) > 0;
    }

    public async Task<bool> DeleteCredentialAsync(Guid id, string type, CancellationToken cancellationToken = default)
    {
        using var write = writes.Write();
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var deleted = await connection.ExecuteAsync(
            "DELETE FROM identity_credentials WHERE identity_id = @Id AND type = @Type AND nid = @Nid",
            new { Id = id, Type = type, Nid = network.Id }, transaction) > 0;
        await BumpVersionAsync(connection, transaction, id, deleted, cancellationToken);
        return deleted;
    }

    /// <summary>
    /// Commits a write that changed one credential in place, moving the identity's version with it when it changed
    /// something, so a whole-identity write computed from an earlier read cannot put the old credential back.
    /// </summary>
    internal async Task BumpVersionAsync(DbConnection connection, DbTransaction transaction, Guid identityId, bool changed, CancellationToken cancellationToken)
    {
        if (changed)
        {
            await connection.ExecuteAsync(
                "UPDATE identities SET version = version + 1 WHERE id = @Id AND nid = @Nid", new { Id = identityId, Nid = network.Id }, transaction);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<Identity?> GetAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = (await connection.QueryAsync<IdentityRow>(
            "SELECT * FROM identities WHERE id = @Id AND nid = @Nid", new { Id = id, Nid = network.Id })).ToList();
        return (await IdentityLoader.LoadAsync(connection, network.Id, rows)).SingleOrDefault();
    }

    /// <summary>The identity a credential identifier belongs to (exact match on the normalised identifier).</summary>
    public async Task<Identity?> FindByCredentialIdentifierAsync(string type, string identifier, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = (await connection.QueryAsync<IdentityRow>(
            "SELECT i.* FROM identities i JOIN identity_credential_identifiers ci ON ci.identity_id = i.id " +
            "WHERE ci.nid = @Nid AND i.nid = @Nid AND ci.type = @Type AND ci.identifier = @Identifier",
            new { Nid = network.Id, Type = type, Identifier = IdentifierNormalizer.Normalize(identifier) })).ToList();
        return (await IdentityLoader.LoadAsync(connection, network.Id, rows)).SingleOrDefault();
    }

    public async Task<IdentityPage> ListAsync(IdentityListQuery query, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var (sql, parameters) = IdentityListSql.Build(query, network.Id);
        var rows = (await connection.QueryAsync<IdentityRow>(sql, parameters)).ToList();
        Guid? next = null;
        if (rows.Count > query.PageSize)
        {
            rows.RemoveAt(rows.Count - 1);
            next = rows[^1].Id;
        }

        return new IdentityPage(await IdentityLoader.LoadAsync(connection, network.Id, rows), next);
    }

    public async Task<long> CountAsync(IdentityListQuery query, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var (sql, parameters) = IdentityListSql.Count(query, network.Id);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken));
    }

    private async Task InsertAllAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<Identity> identities)
    {
        var nid = network.Id;
        await MultiRowInsert.ExecuteAsync(connection, transaction, "identities", identities.Select(i => IdentityRowMapper.ToRow(i, nid)).ToList());
        await MultiRowInsert.ExecuteAsync(connection, transaction, "identity_credentials", identities.SelectMany(i => IdentityRowMapper.CredentialRows(i, nid)).ToList());
        await MultiRowInsert.ExecuteAsync(connection, transaction, "identity_credential_identifiers", identities.SelectMany(i => IdentityRowMapper.IdentifierRows(i, nid)).ToList());
        await MultiRowInsert.ExecuteAsync(connection, transaction, "identity_verifiable_addresses", identities.SelectMany(i => IdentityRowMapper.VerifiableRows(i, nid)).ToList());
        await MultiRowInsert.ExecuteAsync(connection, transaction, "identity_recovery_addresses",
            identities.SelectMany(i => IdentityRowMapper.RecoveryRows(i, nid)).ToList());
    }

    private async Task InsertChildrenAsync(DbConnection connection, DbTransaction transaction, Identity identity)
    {
        var nid = network.Id;
        await connection.ExecuteAsync(
            "INSERT INTO identity_credentials (id, nid, identity_id, type, config, version, created_at, updated_at) " +
            "VALUES (@Id, @Nid, @IdentityId, @Type, @Config, @Version, @CreatedAt, @UpdatedAt)",
            IdentityRowMapper.CredentialRows(identity, nid), transaction);
        await connection.ExecuteAsync(
            "INSERT INTO identity_credential_identifiers (id, nid, identity_credential_id, identity_id, type, identifier, created_at, updated_at) " +
            "VALUES (@Id, @Nid, @IdentityCredentialId, @IdentityId, @Type, @Identifier, @CreatedAt, @UpdatedAt)",
            IdentityRowMapper.IdentifierRows(identity, nid), transaction);
        await connection.ExecuteAsync(
            "INSERT INTO identity_verifiable_addresses (id, nid, identity_id, via, value, verified, verified_at, status, created_at, updated_at) " +
            "VALUES (@Id, @Nid, @IdentityId, @Via, @Value, @Verified, @VerifiedAt, @Status, @CreatedAt, @UpdatedAt)",
            IdentityRowMapper.VerifiableRows(identity, nid), transaction);
        await connection.ExecuteAsync(
            "INSERT INTO identity_recovery_addresses (id, nid, identity_id, via, value, created_at, updated_at) " +
            "VALUES (@Id, @Nid, @IdentityId, @Via, @Value, @CreatedAt, @UpdatedAt)",
            IdentityRowMapper.RecoveryRows(identity, nid), transaction);
    }
}
