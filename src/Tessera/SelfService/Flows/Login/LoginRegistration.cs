// SPDX-License-Identifier: Apache-2.0
using Tessera.SelfService.Methods.Password;

namespace Tessera.SelfService.Flows.Login;

internal static class LoginRegistration
{
    public static IServiceCollection AddLoginFlow(this IServiceCollection services)
    {
        services.AddSingleton<PasswordLoginMethod>();
        services.AddSingleton<LoginOutcome>();
        services.AddSingleton<LoginIdentityPin>();
        services.AddSingleton<LoginSubmission>();
        services.AddSingleton<LoginFlowService>();
        services.AddSingleton<SecondFactorLogin>();
        services.AddSingleton<SecondFactorCheck>();
        services.AddSingleton<LoginFirstFactorForm>();
        services.AddSingleton<LoginCodeSteps>();
        services.AddSingleton<SecondFactorCodeSteps>();
        return services;
    }
}
