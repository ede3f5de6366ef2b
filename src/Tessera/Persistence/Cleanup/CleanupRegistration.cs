// SPDX-License-Identifier: Apache-2.0
namespace Tessera.Persistence.Cleanup;

internal static class CleanupRegistration
{
    /// <summary>Registers what a domain deletes when it has expired; the janitor and <c>tessera cleanup</c> run them all.</summary>
    public static IServiceCollection AddCleanupTask<TStore>(this IServiceCollection services, string name, Func<TStore, IServiceProvider, CancellationToken, Task<int>> delete)
        where TStore : notnull
    {
        services.AddSingleton<ICleanupTask>(provider =>
        {
            var store = provider.GetRequiredService<TStore>();
            return new CleanupTask(name, ct => delete(store, provider, ct));
        });
        return services;
    }
}
