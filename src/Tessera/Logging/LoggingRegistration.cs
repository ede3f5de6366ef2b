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
        return builder;
    }
}
