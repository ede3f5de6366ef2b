// SPDX-License-Identifier: Apache-2.0
using Tessera.Configuration;
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
            foreach (var key in config.UnreadKeys())
            {
                LogUnknownKey(logger, key);
            }

            foreach (var notice in config.Notices)
            {
                LogNotice(logger, notice.KeyPath, notice.Message);
            }

            await app.Services.GetRequiredService<StorageInitializer>().InitialiseAsync(cancellationToken);
            await app.Services.GetRequiredService<ServerSecrets>().InitialiseAsync(cancellationToken);
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

    [LoggerMessage(EventId = 100, Level = LogLevel.Warning, Message = "Configuration key {Key} is not supported by Tessera and is ignored")]
    private static partial void LogUnknownKey(ILogger logger, string key);

    [LoggerMessage(EventId = 102, Level = LogLevel.Warning, Message = "Configuration key {Key}: {Notice}")]
    private static partial void LogNotice(ILogger logger, string key, string notice);

    [LoggerMessage(EventId = 101, Level = LogLevel.Information, Message = "Public API listening on {PublicUrl}, admin API on {AdminUrl}")]
    private static partial void LogListening(ILogger logger, Uri publicUrl, Uri adminUrl);
}
