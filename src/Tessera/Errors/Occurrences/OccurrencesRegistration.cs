// SPDX-License-Identifier: Apache-2.0
using Tessera.Configuration;
using Tessera.Persistence.Cleanup;

namespace Tessera.Errors.Occurrences;

internal static class OccurrencesRegistration
{
    /// <summary>The occurrence recorder (the hot paths' side), its background writer, the dashboard's queries and the retention.</summary>
    public static IServiceCollection AddErrorOccurrences(this IServiceCollection services, ConfigurationTree config)
    {
        services.AddSingleton(OccurrenceOptions.Bind(config));
        services.AddSingleton<OccurrenceRecorder>();
        services.AddSingleton<OccurrenceStore>();
        services.AddSingleton<OccurrenceWriter>();
        services.AddSingleton<OccurrenceQueries>();
        services.AddHostedService(provider => provider.GetRequiredService<OccurrenceWriter>());
        services.AddCleanupTask<OccurrenceStore>("error occurrences", (store, _, ct) => store.DeleteExpiredAsync(ct));
        return services;
    }
}
