// SPDX-License-Identifier: Apache-2.0
using Tessera.Configuration;
using Tessera.Hashing;
using Tessera.Identities.Admin;
using Tessera.Identities.Schemas;
using Tessera.Projects.Overlays;

namespace Tessera.Identities;

internal static class IdentitiesRegistration
{
    /// <summary>Identity schemas, the identity store and manager, password hashing and policy.</summary>
    public static IServiceCollection AddIdentities(this IServiceCollection services, ConfigurationTree config)
    {
        services.AddHashing(config);
        services.AddProjectOptions(config, IdentityOptions.Bind);
        services.AddSingleton<IdentitySchemaRegistry>();
        services.AddSingleton<IProjectOverlayCheck, IdentitySchemaOverlayCheck>();
        services.AddHostedService<IdentitySchemaWarmup>();
        services.AddSingleton<IdentityStore>();
        services.AddSingleton<CredentialUses>();
        services.AddSingleton<IdentityManager>();
        services.AddSingleton<IdentityAddresses>();
        services.AddSingleton<PasswordAuthenticator>();
        services.AddSingleton<IdentityResponseFactory>();
        return services;
    }

    /// <summary>The admin identity API and <c>/schemas</c>.</summary>
    public static IEndpointRouteBuilder MapIdentityEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapAdminIdentityEndpoints();
        endpoints.MapSchemaEndpoints();
        return endpoints;
    }
}
