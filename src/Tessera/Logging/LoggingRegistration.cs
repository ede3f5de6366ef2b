// SPDX-License-Identifier: Apache-2.0
using Tessera.Configuration;

namespace Tessera.Logging;

internal static class LoggingRegistration
{
    /// <summary>Console logs, JSON when <c>log.format: json</c>; scopes carry the request id into every line.</summary>
    public static IHostApplicationBuilder AddTesseraLogging(this IHostApplicationBuilder builder, ConfigurationTree config)
    {
        var options = LogOptions.Bind(config);
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(options.Level);
        builder.Logging.AddFilter("Microsoft.AspNetCore", level => level >= LogLevel.Warning && level >= options.Level);
        builder.Logging.AddFilter("Microsoft.Hosting.Lifetime", level => level >= options.Level);
        // The host logs a start-up failure ("Hosting failed to start", with its stack trace) before rethrowing it, and
        // `tessera serve` then prints the one line that names the key or resource and the fix: keep only the host's
        // critical lines (a background service that stops the host logs its exception at critical).
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", level => level >= LogLevel.Critical && level >= options.Level);
        if (options.Json)
        {
            builder.Logging.AddJsonConsole(o =>
            {
                o.IncludeScopes = true;
                o.UseUtcTimestamp = true;
                o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ ";
            });
        }
        else
        {
            builder.Logging.AddSimpleConsole(o =>
            {
                o.IncludeScopes = true;
                o.SingleLine = true;
                o.UseUtcTimestamp = true;
                o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ ";
            });
        }

        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(RequestLogOptions.Bind(config));
        return builder;
    }
}
