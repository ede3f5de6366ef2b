// SPDX-License-Identifier: Apache-2.0
using Dapper;
using Tessera.Persistence;

namespace Tessera.Identities;

/// <summary>
/// Identities by their recovery and verifiable addresses (the recovery and verification flows), and marking one
/// verifiable address verified. The update touches that one address row rather than rewriting the identity, so it
/// cannot undo a concurrent change to the identity's traits or credentials; it moves the identity's version, so a
/// concurrent whole-identity write computed from an earlier read cannot undo it either.
/// </summary>
internal sealed class IdentityAddresses(Database database, NetworkContext network, IdentityStore identities, LocalWrites writes, TimeProvider clock)
{
    public Task<Identity?> FindByRecoveryAddressAsync(string via, string value, CancellationToken cancellationToken = default) =>
        FindAsync("identity_recovery_addresses", via, value, cancellationToken);

    public Task<Identity?> FindByVerifiableAddressAsync(string via, string value, CancellationToken cancellationToken = default) =>
        FindAsync("identity_verifiable_addresses", via, value, cancellationToken);

    /// <summary>Marks the identity's address <c>verified: true, status: completed</c>; false when it has no such address.</summary>
    public async Task<bool> MarkVerifiedAsync(Guid identityId, string via, string value, CancellationToken cancellationToken = default)
    {
        using var write = writes.Write();
        var now = clock.GetUtcNow();
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var changed = await connection.ExecuteAsync(
            "UPDATE identity_verifiable_addresses SET verified = @Verified, verified_at = @Now, status = @Status, updated_at = @Now " +
            "WHERE nid = @Nid AND identity_id = @IdentityId AND via = @Via AND value = @Value",
            new
            {
                Verified = true,
                Now = now,
                Status = VerifiableAddress.StatusCompleted,
                Nid = network.Id,
                IdentityId = identityId,
                Via = via,
                Value = IdentifierNormalizer.Normalize(value),
            },
            transaction) > 0;
        await identities.BumpVersionAsync(connection, transaction, identityId, changed, cancellationToken);
        return changed;
    }

    /// <summary>
    /// Kratos: once a verification message is on its way, a not yet verified address says so (<c>status: sent</c>).
    /// A verified address keeps <c>completed</c>.
    /// </summary>
    public async Task MarkSentAsync(Guid identityId, string via, string value, CancellationToken cancellationToken = default)
    {
        using var write = writes.Write();
        var now = clock.GetUtcNow();
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var changed = await connection.ExecuteAsync(
            "UPDATE identity_verifiable_addresses SET status = @Status, updated_at = @Now " +
            "WHERE nid = @Nid AND identity_id = @IdentityId AND via = @Via AND value = @Value AND verified = @Verified",
            new
            {
                Status = VerifiableAddress.StatusSent,
                Now = now,
                Nid = network.Id,
                IdentityId = identityId,
                Via = via,
                Value = IdentifierNormalizer.Normalize(value),
                Verified = false,
            },
            transaction) > 0;
        await identities.BumpVersionAsync(connection, transaction, identityId, changed, cancellationToken);
    }

    private async Task<Identity?> FindAsync(string table, string via, string value, CancellationToken cancellationToken)
    {
        Guid? id;
        await using (var connection = await database.OpenAsync(cancellationToken))
        {
            var ids = await connection.QueryAsync<Guid>(
                $"SELECT identity_id FROM {table} WHERE nid = @Nid AND via = @Via AND value = @Value",
                new { Nid = network.Id, Via = via, Value = IdentifierNormalizer.Normalize(value) });
            id = ids.Cast<Guid?>().FirstOrDefault();
        }

        return id is { } found ? await identities.GetAsync(found, cancellationToken) : null;
    }
}
