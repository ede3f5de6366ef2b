// SPDX-License-Identifier: Apache-2.0
using Tessera.Configuration;

namespace Tessera.Hashing;

internal static class HashingRegistration
{
    public static IServiceCollection AddHashing(this IServiceCollection services, ConfigurationTree config)
    {
        services.AddSingleton(HashersOptions.Bind(config));
        services.AddSingleton(PasswordPolicyOptions.Bind(config));
        services.AddSingleton<PasswordHasher>();
        services.AddSingleton<PasswordPolicy>();
        return services;
    }
}
