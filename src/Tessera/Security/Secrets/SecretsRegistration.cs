// SPDX-License-Identifier: Apache-2.0
using Tessera.Configuration;

namespace Tessera.Security.Secrets;

internal static class SecretsRegistration
{
    /// <summary>The server secrets and their per-purpose keys; loaded by <see cref="ServerSecrets.InitialiseAsync"/> at start.</summary>
    public static IServiceCollection AddServerSecrets(this IServiceCollection services, ConfigurationTree config)
    {
        services.AddSingleton(SecretsOptions.Bind(config));
        services.AddSingleton<GeneratedSecretStore>();
        services.AddSingleton<ServerSecrets>();
        return services;
    }
}
