// SPDX-License-Identifier: Apache-2.0
using Tessera.Configuration;
using Tessera.Configuration.Keys;
using Tessera.OAuth2.Keys;
using Tessera.Persistence;
using Tessera.Security.Secrets;
using Tessera.Security.ApiKeys;

namespace Tessera.Hosting;

/// <summary>
/// Builds the application, prepares storage, and opens both listeners. <c>tessera serve</c> and the integration
/// tests start the server through this one path.
/// </summary>
internal static partial class ServerStartup
{
    public static async Task<WebApplication> StartAsync(ConfigurationTree config, Action<IServiceCollection>? testServices, CancellationToken cancellationToken)
    {
        var app = Program.BuildApplication(config, testServices);
        try
        {
            var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Tessera.Configuration");
            UnusedKeys.Report(config, logger);

            await app.Services.GetRequiredService<StorageInitializer>().InitialiseAsync(cancellationToken);
            await app.Services.GetRequiredService<ServerSecrets>().InitialiseAsync(cancellationToken);
            await app.Services.GetRequiredService<OAuth2KeyRing>().InitialiseAsync(cancellationToken);
            await app.StartAsync(cancellationToken);
            var listeners = app.Services.GetRequiredService<BoundListeners>();
            LogListening(logger, listeners.PublicUrl, listeners.AdminUrl);
            await app.Services.GetRequiredService<AdminExposureCheck>().WarnIfExposedAsync(cancellationToken);
            return app;
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }

    [LoggerMessage(EventId = 101, Level = LogLevel.Information, Message = "Public API listening on {PublicUrl}, admin API on {AdminUrl}")]
    private static partial void LogListening(ILogger logger, Uri publicUrl, Uri adminUrl);
}
