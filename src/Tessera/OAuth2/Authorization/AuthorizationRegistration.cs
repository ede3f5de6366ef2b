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

namespace Tessera.OAuth2.Authorization;

/// <summary>OAuth2 authorization: login, consent and logout requests (Hydra's API), remembered consent.</summary>
internal static class AuthorizationRegistration
{
    public static IServiceCollection AddOAuth2Authorization(this IServiceCollection services, ConfigurationTree config)
    {
        _ = config;
        services.AddSingleton(new AuthorizationFlowOptions(AuthorizationFlowOptions.DefaultRequestLifespan));
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
