// SPDX-License-Identifier: Apache-2.0
using Tessera.Ui.Messages;

namespace Tessera.SelfService.Flows;

/// <summary>
/// Which flows are single-use, and what a submission of a finished one is told (seed 000's appendix; DESIGN.md
/// decided it against Kratos v1.3.1, which accepts a finished flow again). Login, registration, recovery and
/// verification end in <c>passed_challenge</c>, a terminal state: only <see cref="FlowStore.ClaimAsync(Flow, CancellationToken)"/>
/// moves a flow into it, and no write moves a flow out of it.
/// </summary>
/// <remarks>
/// Settings flows are never finished. Kratos keeps a settings flow usable after a save (state <c>success</c>, the
/// form shown again with 1050001) so a person can change one setting after another on the same page, and it has no
/// "already completed" message for settings; Tessera does the same. Their saves are still conditional on the version
/// read (<see cref="FlowStore.SaveAsync"/>), so concurrent saves never overwrite each other unseen.
/// </remarks>
internal static class FlowFinality
{
    public const string PassedChallenge = "passed_challenge";

    public static bool IsFinished(Flow flow) => flow.Kind != FlowKind.Settings && flow.State == PassedChallenge;

    /// <summary>"The request was already completed successfully and can not be retried." for the flow's kind.</summary>
    public static UiMessage AlreadyCompleted(FlowKind kind) => kind switch
    {
        FlowKind.Login => UiMessages.ErrorValidationLoginRetrySuccess,
        FlowKind.Registration => UiMessages.ErrorValidationRegistrationRetrySuccess,
        FlowKind.Recovery => UiMessages.ErrorValidationRecoveryRetrySuccess,
        FlowKind.Verification => UiMessages.ErrorValidationVerificationRetrySuccess,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "settings flows are never finished"),
    };
}
