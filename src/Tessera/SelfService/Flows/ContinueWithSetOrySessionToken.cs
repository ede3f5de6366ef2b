// SPDX-License-Identifier: Apache-2.0
namespace Tessera.SelfService.Flows;

/// <summary>Kratos's <c>continueWithSetOrySessionToken</c>: an API flow issued a session; the app keeps its token.</summary>
internal sealed record ContinueWithSetOrySessionToken(string OrySessionToken)
{
    public string Action => "set_ory_session_token";
}
