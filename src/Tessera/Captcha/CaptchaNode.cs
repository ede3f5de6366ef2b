// SPDX-License-Identifier: Apache-2.0
using Tessera.SelfService.Flows.Nodes;
using Tessera.Ui.Messages;

namespace Tessera.Captcha;

/// <summary>
/// The flow's captcha node (group <c>captcha</c>, label 1070015). The UI renders the provider's widget for it and
/// submits the token under this name (Turnstile: <c>data-response-field-name="captcha_turnstile_response"</c>).
/// </summary>
internal static class CaptchaNode
{
    public const string Group = "captcha";
    public const string Name = "captcha_turnstile_response";

    public static void Ensure(UiContainer ui)
    {
        if (ui.Find(Name) is null)
        {
            ui.Nodes.Add(UiNode.Input(Group, Name, "hidden", UiMessages.InfoNodeLabelCaptcha.With(), required: true));
        }
    }
}
