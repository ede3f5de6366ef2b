// SPDX-License-Identifier: Apache-2.0
namespace Tessera.OAuth2.Authorization.Flows;

/// <summary>How long login, consent and logout requests wait to be handled (Hydra's <c>ttl.login_consent_request</c>).</summary>
internal sealed record AuthorizationFlowOptions(TimeSpan RequestLifespan)
{
    public static readonly TimeSpan DefaultRequestLifespan = TimeSpan.FromMinutes(30);

    /// <summary>How long an expired request is kept before the janitor deletes it (a late browser still gets "expired").</summary>
    public static readonly TimeSpan Retention = TimeSpan.FromHours(1);

    public static AuthorizationFlowOptions Bind(Configuration.ConfigurationTree config) =>
        new(config.GetDuration("ttl.login_consent_request", DefaultRequestLifespan, TimeSpan.FromSeconds(1)));
}
