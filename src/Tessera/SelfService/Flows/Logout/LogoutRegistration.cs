// SPDX-License-Identifier: Apache-2.0
using Tessera.Configuration;

namespace Tessera.SelfService.Flows.Logout;

internal static class LogoutRegistration
{
    public static IServiceCollection AddLogoutFlow(this IServiceCollection services, ConfigurationTree config) =>
        services.AddSingleton(LogoutOptions.Bind(config));
}
