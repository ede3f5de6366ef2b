// SPDX-License-Identifier: Apache-2.0
using Tessera.Configuration;

namespace Tessera.Hosting.Outbound;

internal static class OutboundHttpRegistration
{
    /// <summary>The named client every outbound call uses (web hooks, captcha, breached passwords, later identity providers).</summary>
    public const string ClientName = "outbound";

    public static IServiceCollection AddOutboundHttp(this IServiceCollection services, ConfigurationTree config)
    {
        services.AddSingleton(OutboundHttpOptions.Bind(config));
        // No client-wide timeout: each caller bounds its own call (a web hook's config.timeout, the captcha's timeout).
        // No factory request logging: callers log their own lines without secrets, and the factory's would log every
        // URL (a web hook's path, the hash prefix of each password checked against the breach list).
        services.AddHttpClient(ClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .RemoveAllLoggers()
            .ConfigurePrimaryHttpMessageHandler(services => new OutboundHttpHandler(
                services.GetRequiredService<OutboundHttpOptions>(),
                services.GetService<IOutboundConnectAudit>(),
                services.GetRequiredService<ILoggerFactory>().CreateLogger<OutboundHttpHandler>()));
        return services;
    }

    /// <summary>The same client outside the server (the CLI), without a host's client factory.</summary>
    public static HttpClient CreateClient(OutboundHttpOptions options, ILogger logger) =>
        new(new OutboundHttpHandler(options, audit: null, logger)) { Timeout = Timeout.InfiniteTimeSpan };
}
