// SPDX-License-Identifier: Apache-2.0
using Microsoft.Extensions.Options;
using OpenIddict.Server;
using Tessera.Configuration;
using Tessera.OAuth2.Clients;
using Tessera.OAuth2.Grants;
using Tessera.OAuth2.Introspection;
using Tessera.OAuth2.Keys;
using Tessera.OAuth2.Protocol;
using Tessera.OAuth2.Tokens;
using Tessera.OAuth2.UserInfo;
using Tessera.Persistence.Cleanup;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace Tessera.OAuth2;

internal static class OAuth2Registration
{
    /// <summary>
    /// Issue 20: the OAuth2 / OpenID Connect provider with Hydra's API. OpenIddict (degraded mode: no OpenIddict
    /// stores, Tessera's own tables) parses and validates protocol requests and serves discovery and JWKS; Tessera's
    /// handlers authenticate clients, and the passthrough endpoints (token here; authorization, userinfo and logout in
    /// OAuth2/Authorization) issue tokens from Tessera's stores.
    /// </summary>
    public static IServiceCollection AddOAuth2(this IServiceCollection services, ConfigurationTree config)
    {
        services.AddSingleton(OAuth2Options.Bind(config));
        services.AddSingleton<OAuth2ErrorWriter>();
        services.AddSingleton<ClientStore>();
        services.AddSingleton<ClientCache>();
        services.AddSingleton<ClientSecretHasher>();
        services.AddSingleton<ClientRegistry>();
        services.AddSingleton<ClientAuthenticator>();
        services.AddSingleton<ClientJwks>();
        services.AddSingleton<ClientAssertionStore>();
        services.AddSingleton<ClientAssertionVerifier>();
        services.AddSingleton<SigningKeyProtector>();
        services.AddSingleton<SigningKeyStore>();
        services.AddSingleton<OAuth2KeyRing>();
        services.AddSingleton<OpaqueTokens>();
        services.AddSingleton<SelfContainedTokens>();
        services.AddSingleton<TokenStore>();
        services.AddCleanupTask<TokenStore>("oauth2 tokens", (store, provider, ct) =>
            store.DeleteExpiredAsync(provider.GetRequiredService<TimeProvider>().GetUtcNow() - TimeSpan.FromHours(1), ct));
        services.AddSingleton<AccessTokenIssuer>();
        services.AddSingleton<TokenLookup>();
        services.AddSingleton<TokenRevocation>();
        services.AddSingleton<ClientCredentialsGrant>();
        services.AddSingleton<IdTokenIssuer>();
        services.AddSingleton<CodeRedemptionStore>();
        services.AddSingleton<TokenPairIssuer>();
        services.AddSingleton<AuthorizationCodeGrant>();
        services.AddSingleton<RefreshTokenGrant>();
        services.AddSingleton<IConfigureOptions<OpenIddictServerOptions>, ServerCredentialsSetup>();

        services.AddOpenIddict()
            .AddServer(server =>
            {
                server.EnableDegradedMode();
                server.SetAuthorizationEndpointUris("oauth2/auth")
                    .SetTokenEndpointUris("oauth2/token")
                    .SetUserInfoEndpointUris("userinfo")
                    .SetConfigurationEndpointUris(".well-known/openid-configuration")
                    .SetJsonWebKeySetEndpointUris(".well-known/jwks.json");
                server.AllowAuthorizationCodeFlow().AllowClientCredentialsFlow().AllowRefreshTokenFlow();
                server.RegisterScopes("openid", "offline", "offline_access", "profile", "email");
                // Scopes are per client in Hydra (a client may ask for exactly what it registered): checked by Tessera.
                server.DisableScopeValidation();
                server.AddEventHandler(RoutingHandoffHandler.Descriptor);
                server.AddEventHandler(TokenRequestValidationHandler.Descriptor);
                server.AddEventHandler(ClientAssertionHandoffHandler.Descriptor);
                server.AddEventHandler(AuthorizationRequestValidationHandler.Descriptor);
                server.AddEventHandler(JsonWebKeySetHandler.Descriptor);
                server.AddEventHandler(CodeSigningCredentialsHandler.Descriptor);
                server.AddEventHandler(CodeValidationKeysHandler.Descriptor);
                server.AddEventHandler(ConfigurationHandler.Descriptor);
                server.AddEventHandler(EndSessionDiscoveryHandler.Descriptor);
                server.AddEventHandler(RefreshTokenResolutionHandler.Descriptor);
                server.AddEventHandler(OAuth2ErrorResponseHandler<ApplyTokenResponseContext>.Descriptor);
                server.AddEventHandler(AuthorizationErrorPageHandler.Descriptor);
                server.AddEventHandler(AuthorizationErrorRedirectCounter.Descriptor);
                server.UseAspNetCore()
                    .EnableAuthorizationEndpointPassthrough()
                    .EnableTokenEndpointPassthrough()
                    .EnableUserInfoEndpointPassthrough()
                    .DisableTransportSecurityRequirement();
            });
        return services;
    }

    /// <summary>
    /// OpenIddict runs as ASP.NET Core authentication (it claims its endpoints' requests there), after routing and the
    /// listener and admin-key checks; then the provider's endpoints.
    /// </summary>
    public static WebApplication MapOAuth2(this WebApplication app)
    {
        app.UseAuthentication();
        app.MapClientEndpoints();
        app.MapKeyEndpoints();
        app.MapTokenEndpoints();
        app.MapIntrospectionEndpoints();
        app.MapRevocationEndpoints();
        app.MapUserInfoEndpoints();
        return app;
    }
}
