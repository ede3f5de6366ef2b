// SPDX-License-Identifier: Apache-2.0
using Tessera.Configuration;

namespace Tessera.SelfService.Methods.Link;

internal static class LinkRegistration
{
    /// <summary>
    /// The link method of recovery and verification (<c>selfservice.methods.link</c>). Registered whether or not it is
    /// on, since the flows choose their method at run time from <c>selfservice.flows.&lt;kind&gt;.use</c>; only the
    /// link-opening endpoints depend on <c>enabled</c>.
    /// </summary>
    public static IServiceCollection AddLinkMethod(this IServiceCollection services, ConfigurationTree config)
    {
        services.AddSingleton(LinkMethodOptions.Bind(config));
        services.AddSingleton<LinkTokens>();
        services.AddSingleton<LinkFlowSubmission>();
        services.AddSingleton<LinkFlowRetry>();
        services.AddSingleton<LinkRecoveryMethod>();
        services.AddSingleton<LinkVerificationMethod>();
        services.AddSingleton<RecoveryLinkOpening>();
        services.AddSingleton<VerificationLinkSuccess>();
        services.AddSingleton<VerificationLinkOpening>();
        services.AddSingleton<VerificationLinkSteps>();
        services.AddSingleton<AdminRecoveryLinks>();
        return services;
    }
}
