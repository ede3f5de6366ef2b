// SPDX-License-Identifier: Apache-2.0
using Tessera.Configuration;

namespace Tessera.Security.ApiKeys;

internal static class ApiKeysRegistration
{
    public static IServiceCollection AddApiKeys(this IServiceCollection services, ConfigurationTree config)
    {
        services.AddSingleton(AdminAuthOptions.Bind(config));
        services.AddSingleton<ApiKeyStore>();
        services.AddSingleton<ApiKeyCache>();
        services.AddSingleton<ApiKeyService>();
        services.AddSingleton<ApiKeyAdministration>();
        services.AddSingleton<AdminAccessPolicy>();
        services.AddSingleton<AdminExposureCheck>();
        return services;
    }

    /// <summary>After routing and the surface guard: admin endpoints demand a key (see <see cref="AdminKeyAuthenticationMiddleware"/>).</summary>
    public static IApplicationBuilder UseAdminKeyAuthentication(this IApplicationBuilder app) =>
        app.UseMiddleware<AdminKeyAuthenticationMiddleware>();
}
