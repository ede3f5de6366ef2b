// SPDX-License-Identifier: Apache-2.0
using Tessera.Configuration;

namespace Tessera.Hosting.Cors;

internal static class CorsRegistration
{
    public static IServiceCollection AddCrossOriginRequests(this IServiceCollection services, ConfigurationTree config) =>
        services.AddSingleton(new CorsPolicies(CorsOptions.Bind(config, "serve.public.cors"), CorsOptions.Bind(config, "serve.admin.cors")));

    /// <summary>
    /// Early in the pipeline, before anything that reads the database (rate limits, sessions, flows): a preflight
    /// is answered from configuration alone, and every later answer, errors included, carries the CORS headers.
    /// </summary>
    public static IApplicationBuilder UseCrossOriginRequests(this IApplicationBuilder app) => app.UseMiddleware<CorsMiddleware>();
}
