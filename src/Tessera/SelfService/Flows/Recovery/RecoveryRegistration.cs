// SPDX-License-Identifier: Apache-2.0
using Microsoft.Extensions.DependencyInjection.Extensions;
using Tessera.Configuration;
using Tessera.Projects.Overlays;
using Tessera.SelfService.Methods.Code;

namespace Tessera.SelfService.Flows.Recovery;

internal static class RecoveryRegistration
{
    public static IServiceCollection AddRecoveryFlow(this IServiceCollection services, ConfigurationTree config)
    {
        services.AddProjectOptions(config, RecoveryOptions.Bind);

        // The code method's parts are shared with verification; whichever slice registers first wins.
        services.TryAddSingleton(CodeOptions.Bind(config));
        services.TryAddSingleton<CodeChallenges>();
        services.AddSingleton<CodeRecoveryMethod>();
        services.AddSingleton<RecoveryCompletion>();
        services.AddSingleton<RecoveryCodeSteps>();
        services.AddSingleton<CodeFlowSubmission>();
        services.AddSingleton<RecoveryFlowService>();
        return services;
    }
}
