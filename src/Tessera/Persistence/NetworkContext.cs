// SPDX-License-Identifier: Apache-2.0
using Dapper;

namespace Tessera.Persistence;

/// <summary>
/// The project (Kratos: network) this process serves. Every row a store writes carries this id as <c>nid</c> and
/// every query filters on it, so several projects can later share one database.
/// </summary>
internal sealed class NetworkContext(Database database, TimeProvider clock)
{
    private const string DefaultName = "default";
    private Guid? _id;

    public Guid Id => _id ?? throw new InvalidOperationException("The network id is read before storage was initialised.");

    /// <summary>Finds or creates the default network. Safe when several nodes start at once (the unique name decides).</summary>
    public async Task InitialiseAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var now = clock.GetUtcNow();
        await connection.ExecuteAsync(
            "INSERT INTO networks (id, name, created_at, updated_at) VALUES (@Id, @Name, @Now, @Now) ON CONFLICT (name) DO NOTHING",
            new { Id = Guid.NewGuid(), Name = DefaultName, Now = now });
        _id = await connection.QuerySingleAsync<Guid>("SELECT id FROM networks WHERE name = @Name", new { Name = DefaultName });
    }
}
