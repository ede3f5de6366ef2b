// SPDX-License-Identifier: Apache-2.0
using System.Text.Json.Nodes;
using Dapper;
using Tessera.Persistence;

namespace Tessera.Identities;

/// <summary>
/// Consuming a one-time secret kept in a credential's configuration (a TOTP step, a backup code) so that it holds
/// under concurrency: read the configuration with its revision, decide, and write only if the revision is still the one
/// read (<c>UPDATE ... WHERE revision = @Read</c>, rows affected checked). Of concurrent uses exactly one write lands;
/// every other re-reads and decides again on what the winner wrote, so the same code is refused the second time and
/// two different backup codes are both recorded (no write is lost).
/// </summary>
internal sealed class CredentialUses(Database database, NetworkContext network, LocalWrites writes, TimeProvider clock, IdentityStore identities)
{
    // Every lost race means another use landed; a credential has few one-time secrets, so this bound is never met
    // honestly. Past it the request fails (500) rather than loop.
    private const int MaxRaces = 32;

    /// <summary>
    /// Calls <paramref name="decide"/> with the credential's current configuration (null when the identity has no such
    /// credential) and writes what it returns, retrying on a concurrent write; returns the decision's answer.
    /// </summary>
    public async Task<T> UseAsync<T>(Guid identityId, string type, Func<JsonObject?, CredentialChange<T>> decide, CancellationToken cancellationToken)
    {
        for (var race = 0; race < MaxRaces; race++)
        {
            var stored = await ReadAsync(identityId, type, cancellationToken);
            var change = decide(stored is null ? null : JsonNode.Parse(stored.Config) as JsonObject);
            if (stored is null || change.Config is null || await WriteAsync(identityId, stored, change.Config, cancellationToken))
            {
                return change.Answer;
            }
        }

        throw new InvalidOperationException($"the {type} credential of identity {identityId} kept changing under a one-time use");
    }

    private async Task<StoredConfig?> ReadAsync(Guid identityId, string type, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<StoredConfig>(
            "SELECT id AS Id, config AS Config, revision AS Revision FROM identity_credentials WHERE identity_id = @IdentityId AND type = @Type AND nid = @Nid",
            new { IdentityId = identityId, Type = type, Nid = network.Id });
    }

    private async Task<bool> WriteAsync(Guid identityId, StoredConfig read, JsonObject config, CancellationToken cancellationToken)
    {
        using var write = writes.Write();
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var written = await connection.ExecuteAsync(
            "UPDATE identity_credentials SET config = @Config, revision = revision + 1, updated_at = @Now " +
            "WHERE id = @Id AND nid = @Nid AND revision = @Revision",
            new { Config = config.ToJsonString(), Now = clock.GetUtcNow(), read.Id, Nid = network.Id, read.Revision }, transaction) == 1;
        await identities.BumpVersionAsync(connection, transaction, identityId, written, cancellationToken);
        return written;
    }

    private sealed class StoredConfig
    {
        public Guid Id { get; init; }

        public string Config { get; init; } = "";

        public long Revision { get; init; }
    }
}
