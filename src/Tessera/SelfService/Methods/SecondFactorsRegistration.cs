// SPDX-License-Identifier: Apache-2.0
using Tessera.Configuration;
using Tessera.Security.Cipher;
using Tessera.SelfService.Flows.Settings;
using Tessera.SelfService.Methods.LookupSecret;
using Tessera.SelfService.Methods.Totp;

namespace Tessera.SelfService.Methods;

internal static class SecondFactorsRegistration
{
    /// <summary>
    /// Issue 7: TOTP and backup codes. Their secrets are stored encrypted, so enabling either without
    /// <c>secrets.cipher</c> stops start-up (there is no key to fall back to). Call after the settings flow, so the
    /// settings form lists these methods after profile and password.
    /// </summary>
    public static IServiceCollection AddSecondFactors(this IServiceCollection services, ConfigurationTree config)
    {
        var cipher = SecretCipher.Bind(config);
        var totp = TotpOptions.Bind(config);
        var lookup = LookupSecretOptions.Bind(config);
        if ((totp.Enabled || lookup.Enabled) && !cipher.Configured)
        {
            throw new ConfigurationException(SecretCipher.ConfigKey,
                "needs at least one key (32+ characters) when selfservice.methods.totp or selfservice.methods.lookup_secret is enabled: their secrets are stored encrypted");
        }

        services.AddSingleton(cipher);
        services.AddSingleton(totp);
        services.AddSingleton(lookup);
        services.AddSingleton<TotpCredentials>();
        services.AddSingleton<LookupSecretCredentials>();
        if (totp.Enabled)
        {
            services.AddSingleton<ISettingsMethod, TotpSettingsMethod>();
        }

        if (lookup.Enabled)
        {
            services.AddSingleton<ISettingsMethod, LookupSecretSettingsMethod>();
        }

        return services;
    }
}
