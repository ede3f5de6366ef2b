// SPDX-License-Identifier: Apache-2.0
using Tessera.Errors;
using Tessera.Ui.Messages;

namespace Tessera.SelfService.Methods.WebAuthn;

/// <summary>
/// A refused ceremony as a flow shows it: Kratos's message for the refusal (4000043, 4000015, 4000001), its context
/// naming the catalog entry (<c>error_id</c>) and the reason, so scripts can tell a wrong origin from a replay.
/// </summary>
internal static class WebAuthnFlowMessages
{
    public static UiText For(TesseraError error)
    {
        var context = new Dictionary<string, object?> { ["error_id"] = error.Descriptor.Id, ["reason"] = error.EffectiveReason };
        return error.Descriptor.UiMessageIds switch
        {
            "4000015" => UiMessages.ValidationSuchNoWebAuthnUser.With(context),
            "4000001" => UiMessages.ValidationGeneric.With(context),
            _ => UiMessages.ValidationWebAuthnVerifierWrong.With(context),
        };
    }
}
