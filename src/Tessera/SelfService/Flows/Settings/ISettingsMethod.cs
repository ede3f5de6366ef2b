// SPDX-License-Identifier: Apache-2.0
namespace Tessera.SelfService.Flows.Settings;

/// <summary>
/// A settings method (Kratos's settings strategy): the nodes it adds to the form for an identity, and what a
/// submission with <c>method=&lt;Name&gt;</c> does. The flow service runs the checks every method shares first
/// (session, CSRF, expiry, assurance level).
/// </summary>
internal interface ISettingsMethod
{
    /// <summary>The <c>method</c> value and node group: <c>profile</c>, <c>password</c>, <c>totp</c>, <c>lookup_secret</c>.</summary>
    string Name { get; }

    /// <summary>Adds this method's nodes for the identity as it is now; may keep per-flow state in the internal context.</summary>
    void AddNodes(SettingsForm form);

    Task<SettingsOutcome> SubmitAsync(SettingsSubmission submission, CancellationToken cancellationToken);
}
