// SPDX-License-Identifier: Apache-2.0
using Tessera.Identities;
using Tessera.Identities.Schemas;
using Tessera.Sessions;

namespace Tessera.SelfService.Flows.Settings;

/// <summary>
/// One submission as a method sees it, after the shared checks passed. <see cref="Privileged"/> says whether the
/// session was authenticated recently enough (<c>privileged_session_max_age</c>) to change credentials.
/// </summary>
internal sealed record SettingsSubmission(
    Flow Flow, Identity Identity, IdentitySchema Schema, Session Session, UpdateSettingsFlowRequest Body, bool Privileged)
{
    /// <summary>The request, for a method that answers itself (<see cref="SettingsOutcome.Answered"/>).</summary>
    public HttpContext? Context { get; init; }
}
