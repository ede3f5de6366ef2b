// SPDX-License-Identifier: Apache-2.0
namespace Tessera.OAuth2.Authorization.Flows;

/// <summary>How long login, consent and logout requests wait to be handled (Hydra's <c>ttl.login_consent_request</c>).</summary>
internal sealed record AuthorizationFlowOptions(TimeSpan RequestLifespan)
{
    public static readonly TimeSpan DefaultRequestLifespan = TimeSpan.FromMinutes(30);
}
