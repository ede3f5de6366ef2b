// SPDX-License-Identifier: Apache-2.0
using Tessera.Configuration;
using Tessera.Projects.Overlays;
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
    /// needs <c>secrets.cipher</c>. Issue 21: the providers may differ per project (a project's overlay is checked by
    /// the same rules), so consumers read <see cref="ProjectOptions{T}"/> per request.
    /// </summary>
    public static IServiceCollection AddOidcMethod(this IServiceCollection services, ConfigurationTree config)
    {
        services.AddProjectOptions(config, Bind);
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

    private static OidcOptions Bind(ConfigurationTree config)
    {
        var options = OidcOptions.Bind(config);
        if (options.Enabled && options.Providers.Count > 0 && !SecretCipher.Bind(config).Configured)
        {
            throw new ConfigurationException(SecretCipher.ConfigKey,
                "needs at least one key (32+ characters) when selfservice.methods.oidc is enabled: the providers' tokens are stored encrypted");
        }

        return options;
    }
}
