// SPDX-License-Identifier: Apache-2.0
using Tessera.Configuration;

namespace Tessera.OAuth2.TokenHooks;

internal static class TokenHooksRegistration
{
    /// <summary>The token hooks (bound now: a bad hook URL stops start-up); they send and log through the flow web hooks' machinery (<c>AddHooks</c>).</summary>
    public static IServiceCollection AddTokenHooks(this IServiceCollection services, ConfigurationTree config)
    {
        services.AddSingleton(TokenHookOptions.Bind(config));
        services.AddSingleton<TokenHookRunner>();
        return services;
    }
}
