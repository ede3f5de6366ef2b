// SPDX-License-Identifier: Apache-2.0
using Microsoft.Extensions.DependencyInjection.Extensions;
using Tessera.Configuration;

namespace Tessera.SelfService.Methods.Code;

internal static class CodeMethodRegistration
{
    /// <summary>The code method's sign-in and sign-up parts (recovery and verification register their own).</summary>
    public static IServiceCollection AddCodeMethod(this IServiceCollection services, ConfigurationTree config)
    {
        services.TryAddSingleton(CodeOptions.Bind(config));
        services.TryAddSingleton<CodeChallenges>();
        services.AddSingleton<CodeCourier>();
        services.AddSingleton<CodeLoginMethod>();
        services.AddSingleton<CodeRegistrationMethod>();
        return services;
    }
}
