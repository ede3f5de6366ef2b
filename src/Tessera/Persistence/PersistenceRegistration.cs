// SPDX-License-Identifier: Apache-2.0
using Tessera.Configuration;
using Tessera.Persistence.Migrations;

namespace Tessera.Persistence;

internal static class PersistenceRegistration
{
    public static IServiceCollection AddPersistence(this IServiceCollection services, ConfigurationTree config)
    {
        var options = PersistenceOptions.Bind(config);
        services.AddSingleton(options);
        services.AddSingleton(_ => new Database(options.Dsn));
        services.AddSingleton<Migrator>();
        services.AddSingleton<DatabaseHealth>();
        services.AddSingleton<NetworkContext>();
        services.AddSingleton<LocalWrites>();
        services.AddSingleton<Cleanup.CleanupPass>();
        services.AddHostedService<Cleanup.Janitor>();
        services.AddSingleton<StorageInitializer>();
        return services;
    }
}
