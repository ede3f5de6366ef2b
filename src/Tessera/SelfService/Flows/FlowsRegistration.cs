// SPDX-License-Identifier: Apache-2.0
using Tessera.Configuration;

namespace Tessera.SelfService.Flows;

internal static class FlowsRegistration
{
    /// <summary>The machinery every flow kind shares.</summary>
    public static IServiceCollection AddSelfServiceFlows(this IServiceCollection services, ConfigurationTree config)
    {
        services.AddSingleton(SelfServiceOptions.Bind(config));
        services.AddSingleton<FlowStore>();
        services.AddSingleton<ReturnToValidator>();
        return services;
    }
}
