// SPDX-License-Identifier: Apache-2.0
using Tessera.Ui.Messages;

namespace Tessera.SelfService.Methods.Link;

/// <summary>
/// The messages a flow kind shows with the link method: link sent (1060002 / 1080001), expired flow or link
/// (4060005 / 4070005), unknown method (4010005 / 4010006), link without a token (4060003 / 4070004), and a token that
/// is wrong or used (4060004 / 4070001).
/// </summary>
internal sealed record LinkFlowMessages(UiMessage Sent, UiMessage Expired, UiMessage NoStrategy, UiMessage MissingToken, UiMessage InvalidToken)
{
    public static LinkFlowMessages Recovery { get; } = new(
        UiMessages.InfoSelfServiceRecoveryEmailSent,
        UiMessages.ErrorValidationRecoveryFlowExpired,
        UiMessages.ErrorValidationRecoveryNoStrategyFound,
        UiMessages.ErrorValidationRecoveryMissingRecoveryToken,
        UiMessages.ErrorValidationRecoveryTokenInvalidOrAlreadyUsed);

    public static LinkFlowMessages Verification { get; } = new(
        UiMessages.InfoSelfServiceVerificationEmailSent,
        UiMessages.ErrorValidationVerificationFlowExpired,
        UiMessages.ErrorValidationVerificationNoStrategyFound,
        UiMessages.ErrorValidationVerificationMissingVerificationToken,
        UiMessages.ErrorValidationVerificationTokenInvalidOrAlreadyUsed);
}
