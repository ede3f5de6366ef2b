// SPDX-License-Identifier: Apache-2.0
using Tessera.Configuration;
using Tessera.Projects.Overlays;
using Tessera.SelfService.Methods.Profile;

namespace Tessera.SelfService.Flows.Registration;

internal static class RegistrationRegistration
{
    public static IServiceCollection AddRegistrationFlow(this IServiceCollection services, ConfigurationTree config)
    {
        services.AddProjectOptions(config, RegistrationOptions.Bind);
        services.AddSingleton<RegistrationIdentityCreator>();
        services.AddSingleton<RegistrationOutcome>();
        services.AddSingleton<ProfileRegistrationMethod>();
        services.AddSingleton<RegistrationSubmission>();
        services.AddSingleton<RegistrationCodeSteps>();
        services.AddSingleton<RegistrationFlowService>();
        return services;
    }
}
