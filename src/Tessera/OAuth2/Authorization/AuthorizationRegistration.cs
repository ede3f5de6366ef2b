// SPDX-License-Identifier: Apache-2.0
using Tessera.Configuration;
using Tessera.Hosting;
using Tessera.OAuth2.Authorization.Admin;
using Tessera.OAuth2.Authorization.Consent;
using Tessera.OAuth2.Authorization.Endpoint;
using Tessera.OAuth2.Authorization.Flows;
using Tessera.OAuth2.Authorization.LoginApp;
using Tessera.OAuth2.Authorization.LoginSessions;
using Tessera.OAuth2.Authorization.Logout;
using Tessera.OAuth2.Authorization.Pages;
using Tessera.Persistence.Cleanup;

namespace Tessera.OAuth2.Authorization;

/// <summary>OAuth2 authorization: login, consent and logout requests (Hydra's API), remembered consent.</summary>
internal static class AuthorizationRegistration
{
    public static IServiceCollection AddOAuth2Authorization(this IServiceCollection services, ConfigurationTree config)
    {
        services.AddSingleton(AuthorizationFlowOptions.Bind(config));
        services.AddCleanupTask<AuthorizationFlowStore>("oauth2 login and consent requests", (store, provider, ct) =>
            store.DeleteExpiredAsync(provider.GetRequiredService<TimeProvider>().GetUtcNow() - AuthorizationFlowOptions.Retention, ct));
        services.AddCleanupTask<LogoutRequestStore>("oauth2 logout requests", (store, provider, ct) =>
            store.DeleteExpiredAsync(provider.GetRequiredService<TimeProvider>().GetUtcNow() - AuthorizationFlowOptions.Retention, ct));
        services.AddSingleton<AuthorizationFlowStore>();
        services.AddSingleton<ConsentGrantStore>();
        services.AddSingleton<LoginSessionStore>();
        services.AddSingleton<LogoutRequestStore>();
        services.AddSingleton<LoginRequests>();
        services.AddSingleton<ConsentRequests>();
        services.AddSingleton<LogoutRequests>();
        services.AddSingleton<RpLogoutValidator>();
        services.AddSingleton<SessionTermination>();
        services.AddSingleton<RpLogoutLanding>();
        services.AddSingleton<RpLogout>();
        services.AddSingleton<ClientDescriptions>();
        services.AddSingleton<ConnectedAppsSection>();
        services.AddSingleton<AuthorizationApps>();
        services.AddSingleton<AuthorizationRounds>();
        return services;
    }

    public static IEndpointRouteBuilder MapOAuth2AuthorizationEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapAdminApi()
            .MapLoginRequestEndpoints()
            .MapConsentRequestEndpoints()
            .MapLogoutRequestEndpoints()
            .MapAuthenticationSessionEndpoints();
        endpoints.MapConsentPages();
        endpoints.MapLoginApp();
        endpoints.MapAuthorizeEndpoints();
        endpoints.MapRpLogoutEndpoints();
        return endpoints;
    }
}
