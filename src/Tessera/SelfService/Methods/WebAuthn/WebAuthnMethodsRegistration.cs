// SPDX-License-Identifier: Apache-2.0
using Tessera.Configuration;
using Tessera.SelfService.Flows.Settings;
using Tessera.SelfService.Methods.Passkey;

namespace Tessera.SelfService.Methods.WebAuthn;

internal static class WebAuthnMethodsRegistration
{
    /// <summary>
    /// Issue 23: passkeys (<c>selfservice.methods.passkey</c>) and security keys (<c>selfservice.methods.webauthn</c>).
    /// The methods are always registered, since the login and registration flows ask them; disabled, they add nothing
    /// and handle nothing. A bad relying party stops start-up here. Call after the second factors, so the settings form
    /// lists security keys after TOTP and backup codes.
    /// </summary>
    public static IServiceCollection AddWebAuthnMethods(this IServiceCollection services, ConfigurationTree config)
    {
        var passkeys = PasskeyOptions.Bind(config);
        services.AddSingleton(passkeys);
        var webauthn = WebAuthnOptions.Bind(config);
        services.AddSingleton(webauthn);
        services.AddSingleton<PasskeyCeremony>();
        services.AddSingleton<WebAuthnCounters>();
        services.AddSingleton<PasskeyLoginMethod>();
        services.AddSingleton<PasskeyRegistrationMethod>();
        services.AddSingleton<WebAuthnSecurityKeys>();
        services.AddSingleton<SignInMethods>();
        services.AddSingleton<WebAuthnCredentialSettings>();
        services.AddSingleton<WebAuthnLoginMethod>();
        services.AddSingleton<WebAuthnFirstFactorLoginMethod>();
        services.AddSingleton<WebAuthnRegistrationMethod>();
        services.AddSingleton<WebAuthnSignUp>();
        if (passkeys.Enabled)
        {
            services.AddSingleton<ISettingsMethod, PasskeySettingsMethod>();
        }

        if (webauthn.Enabled)
        {
            services.AddSingleton<ISettingsMethod, WebAuthnSettingsMethod>();
        }
        return services;
    }
}
