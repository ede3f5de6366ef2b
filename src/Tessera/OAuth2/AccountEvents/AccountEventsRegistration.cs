// SPDX-License-Identifier: Apache-2.0
using Tessera.Configuration;
using Tessera.Identities;
using Tessera.Sessions;

namespace Tessera.OAuth2.AccountEvents;

internal static class AccountEventsRegistration
{
    /// <summary>The OAuth2 provider listens to identity changes and session revocations (<c>oauth2.revoke_tokens_on.*</c>).</summary>
    public static IServiceCollection AddOAuth2AccountEvents(this IServiceCollection services, ConfigurationTree config)
    {
        services.AddSingleton(TokenRevocationOptions.Bind(config));
        services.AddSingleton<AccountEventTokenRevoker>();
        services.AddSingleton<IIdentityChangeListener>(provider => provider.GetRequiredService<AccountEventTokenRevoker>());
        services.AddSingleton<ISessionRevocationListener>(provider => provider.GetRequiredService<AccountEventTokenRevoker>());
        return services;
    }
}
