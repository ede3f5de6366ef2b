// SPDX-License-Identifier: Apache-2.0
using Tessera.Configuration;
using Tessera.Security.Cipher;
using Tessera.SelfService.Flows.Settings;
using Tessera.SelfService.Methods.Oidc.Callback;
using Tessera.SelfService.Methods.Oidc.Linking;
using Tessera.SelfService.Methods.Oidc.Providers;

namespace Tessera.SelfService.Methods.Oidc;

internal static class OidcRegistration
{
    /// <summary>
    /// Issue 19: sign-in with other identity providers. Every provider is checked here (a bad one stops start-up with its
    /// key); none is contacted until someone signs in with it. Provider tokens are stored encrypted, so the method
    /// needs <c>secrets.cipher</c>.
    /// </summary>
    public static IServiceCollection AddOidcMethod(this IServiceCollection services, ConfigurationTree config)
    {
        var options = OidcOptions.Bind(config);
        if (options.Enabled && options.Providers.Count > 0 && !SecretCipher.Bind(config).Configured)
        {
            throw new ConfigurationException(SecretCipher.ConfigKey,
                "needs at least one key (32+ characters) when selfservice.methods.oidc is enabled: the providers' tokens are stored encrypted");
        }

        services.AddSingleton(options);
        services.AddSingleton<OidcNodes>();
        services.AddSingleton<OidcProviderMetadata>();
        services.AddSingleton<OidcTokenClient>();
        services.AddSingleton<OidcIdTokenValidator>();
        services.AddSingleton<OidcStateCookie>();
        services.AddSingleton<OidcAuthorizationStart>();
        services.AddSingleton<OidcUnlinkRule>();
        services.AddSingleton<OidcLinks>();
        services.AddSingleton<OidcSettingsLink>();
        services.AddSingleton<ISettingsMethod, OidcSettingsMethod>();
        services.AddSingleton<OidcLoginLinkOffer>();
        services.AddSingleton<OidcLoginLink>();
        services.AddSingleton<OidcSignUp>();
        services.AddSingleton<OidcSignIn>();
        services.AddSingleton<OidcStateValidator>();
        services.AddSingleton<OidcCodeExchange>();
        services.AddSingleton<OidcUserInfoClaims>();
        services.AddSingleton<OidcNativeHandOff>();
        services.AddSingleton<OidcExpiredSignIn>();
        services.AddSingleton<OidcCallbackOutcome>();
        services.AddSingleton<OidcCallbackHandler>();
        return services;
    }
}
