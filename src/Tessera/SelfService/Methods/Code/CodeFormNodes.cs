// SPDX-License-Identifier: Apache-2.0
using System.Text.Json.Nodes;
using Tessera.SelfService.Flows.Nodes;
using Tessera.Ui.Messages;

namespace Tessera.SelfService.Methods.Code;

/// <summary>
/// The code method's forms on recovery and verification flows (group <c>code</c>): first the address, then the
/// code with a "resend" button. The resend button is a submit named <c>email</c>, so only pressing it sends the
/// address again; submitting the code alone checks the code.
/// </summary>
internal static class CodeFormNodes
{
    public const string Group = "code";
    public const string Email = "email";
    public const string Code = "code";
    public const string Method = "method";

    public static void AddEmailForm(UiContainer ui, string? email)
    {
        ui.Nodes.Add(UiNode.Input(Group, Email, "email", UiMessages.InfoNodeLabelEmail.With(), required: true, autocomplete: "email"));
        if (email is not null)
        {
            ui.SetValue(Email, JsonValue.Create(email));
        }

        ui.Nodes.Add(SubmitMethod());
    }

    public static void AddCodeForm(UiContainer ui, UiMessage codeLabel, string? resendTo)
    {
        ui.Nodes.Add(new UiNode("input", Group,
            new UiInputAttributes(Code, "text") { Required = true, Autocomplete = "one-time-code", Pattern = "[0-9]+", Maxlength = OneTimeCode.Length },
            new UiNodeMeta(codeLabel.With())));
        ui.Nodes.Add(SubmitMethod());
        if (resendTo is not null)
        {
            ui.Nodes.Add(new UiNode("input", Group,
                new UiInputAttributes(Email, "submit") { Value = resendTo },
                new UiNodeMeta(UiMessages.InfoNodeLabelResendOTP.With())));
        }
    }

    /// <summary>Removes the method's forms (the CSRF node stays).</summary>
    public static void Clear(UiContainer ui) => ui.Nodes.RemoveAll(n => n.Group == Group);

    // Kratos labels the code method's submit "Continue" (1070009) on both steps.
    private static UiNode SubmitMethod() =>
        new("input", Group, new UiInputAttributes(Method, "submit") { Value = "code" }, new UiNodeMeta(UiMessages.InfoNodeLabelContinue.With()));
}
