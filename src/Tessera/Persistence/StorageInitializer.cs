// SPDX-License-Identifier: Apache-2.0
using Tessera.Configuration;
using Tessera.Persistence.Migrations;

namespace Tessera.Persistence;

/// <summary>
/// Runs before the listeners open: SQLite (and <c>memory</c>) are migrated in place; PostgreSQL only with
/// <c>--migrate</c> / <c>serve.migrate: true</c>, otherwise an unmigrated database stops the start with a message
/// that says what to run (several nodes must not race to alter a shared schema by accident).
/// </summary>
internal sealed class StorageInitializer(Database database, Migrator migrator, NetworkContext network, ServeOptions serve)
{
    public async Task InitialiseAsync(CancellationToken cancellationToken = default)
    {
        if (database.Dialect == SqlDialect.Sqlite || serve.Migrate)
        {
            await migrator.ApplyAsync(cancellationToken);
        }
        else
        {
            var pending = await migrator.PendingCountAsync(cancellationToken);
            if (pending > 0)
            {
                throw new ConfigurationException("dsn",
                    $"the PostgreSQL database has {pending} pending migration(s); run `tessera migrate sql -e --yes` or start with --migrate");
            }
        }

        await network.InitialiseAsync(cancellationToken);
    }
}
