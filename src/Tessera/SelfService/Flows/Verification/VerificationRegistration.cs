// SPDX-License-Identifier: Apache-2.0
using Microsoft.Extensions.DependencyInjection.Extensions;
using Tessera.Configuration;
using Tessera.Projects.Overlays;
using Tessera.SelfService.Methods.Code;

namespace Tessera.SelfService.Flows.Verification;

internal static class VerificationRegistration
{
    /// <summary>The verification flow, its step after registration, and the login hook that requires a verified address.</summary>
    public static IServiceCollection AddVerificationFlow(this IServiceCollection services, ConfigurationTree config)
    {
        services.AddProjectOptions(config, VerificationOptions.Bind);
        services.AddSingleton(RequireVerifiedAddressHook.Bind(config));

        // The code method's parts are shared with recovery; whichever slice registers first wins.
        services.TryAddSingleton(CodeOptions.Bind(config));
        services.TryAddSingleton<CodeChallenges>();
        services.AddSingleton<CodeVerificationMethod>();
        services.AddSingleton<VerificationCodeSteps>();
        services.AddSingleton<VerificationFlowService>();
        services.AddSingleton<RegistrationVerification>();
        return services;
    }
}
