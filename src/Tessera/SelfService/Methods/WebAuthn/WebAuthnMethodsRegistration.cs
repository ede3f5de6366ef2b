// SPDX-License-Identifier: Apache-2.0
using Tessera.Configuration;
using Tessera.SelfService.Methods.Passkey;

namespace Tessera.SelfService.Methods.WebAuthn;

internal static class WebAuthnMethodsRegistration
{
    /// <summary>
    /// Issue 23: passkeys (<c>selfservice.methods.passkey</c>) and security keys (<c>selfservice.methods.webauthn</c>).
    /// The methods are always registered, since the login and registration flows ask them; disabled, they add nothing
    /// and handle nothing. A bad relying party stops start-up here.
    /// </summary>
    public static IServiceCollection AddWebAuthnMethods(this IServiceCollection services, ConfigurationTree config)
    {
        services.AddSingleton(PasskeyOptions.Bind(config));
        services.AddSingleton(WebAuthnOptions.Bind(config));
        services.AddSingleton<PasskeyCeremony>();
        services.AddSingleton<WebAuthnCounters>();
        services.AddSingleton<PasskeyLoginMethod>();
        services.AddSingleton<PasskeyRegistrationMethod>();
        return services;
    }
}
