// SPDX-License-Identifier: Apache-2.0
namespace Tessera.Persistence.Cleanup;

internal static class CleanupRegistration
{
    /// <summary>
    /// Registers what a domain deletes when it has expired; the janitor and <c>tessera cleanup</c> run them all, once
    /// per project unless <paramref name="perProject"/> is false (rows that belong to no project).
    /// </summary>
    public static IServiceCollection AddCleanupTask<TStore>(
        this IServiceCollection services, string name, Func<TStore, IServiceProvider, CancellationToken, Task<int>> delete, bool perProject = true)
        where TStore : notnull
    {
        services.AddSingleton<ICleanupTask>(provider =>
        {
            var store = provider.GetRequiredService<TStore>();
            return new CleanupTask(name, ct => delete(store, provider, ct), perProject);
        });
        return services;
    }
}
