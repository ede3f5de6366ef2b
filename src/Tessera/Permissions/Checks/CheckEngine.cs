// SPDX-License-Identifier: Apache-2.0
using Tessera.Permissions.Tuples;
using Tessera.Persistence;

namespace Tessera.Permissions.Checks;

/// <summary>
/// Keto's check without rewrites (no Ory Permission Language yet): the subject has the relation if the tuple exists,
/// or if it is a member of a subject set that has it, followed transitively. Depth follows Keto's engine exactly: with
/// a depth of d the tuple itself and chains of up to d tuples (d−1 subject-set hops) are found; a longer chain answers
/// not allowed, as Keto answers when the depth is used up, and a depth of 1 finds nothing (Keto's direct lookup already
/// costs one level). The search is one recursive query (<see cref="CheckQuery"/>) bounded by the depth, so a
/// cycle ends instead of looping and a check costs one round trip however deep it goes.
/// </summary>
internal sealed class CheckEngine(Database database, NetworkContext network, CheckCache cache, PermissionsOptions options)
{
    public async Task<bool> CheckAsync(RelationTuple tuple, int? requestedDepth, CancellationToken cancellationToken = default)
    {
        var depth = options.EffectiveDepth(requestedDepth);
        var key = CheckCache.Key(tuple, depth);
        if (cache.TryGet(key, out var cached))
        {
            return cached;
        }

        var version = cache.Version;
        var allowed = await SearchAsync(tuple, depth, cancellationToken);
        cache.Set(key, allowed, version);
        return allowed;
    }

    private async Task<bool> SearchAsync(RelationTuple tuple, int depth, CancellationToken cancellationToken)
    {
        if (depth < 2)
        {
            return false;
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        return await CheckQuery.ReachesAsync(connection, network.Id, tuple, depth);
    }
}
