// SPDX-License-Identifier: Apache-2.0
using System.Text.Json.Nodes;
using Tessera.Security.Csrf;
using Tessera.SelfService.Flows.Nodes;
using Tessera.Ui.Messages;

namespace Tessera.SelfService.Methods.Code;

/// <summary>
/// The code method's nodes on login and registration flows (group <c>code</c>): the button that asks for a code
/// beside the other methods, then the code with "continue" and "resend". The resend and address buttons are submits of
/// their own, so a browser posts only the pressed one: they carry the method in their value or name
/// (<see cref="ImpliesCode"/>).
/// </summary>
internal static class CodeLoginNodes
{
    public const string Group = "code";
    public const string Method = "method";
    public const string Code = "code";
    public const string Identifier = "identifier";
    public const string Resend = "resend";
    public const string Address = "address";

    /// <summary>A submission without <c>method</c> that pressed "resend" (<c>resend=code</c>) or chose an address.</summary>
    public static bool ImpliesCode(string? resend, string? address) => resend == Code || !string.IsNullOrEmpty(address);

    /// <summary>Login's first step: "Send sign in code" (1010015) beside the password, sharing its identifier field.</summary>
    public static void AddSignInButton(UiContainer ui) => ui.Nodes.Add(Submit(Method, Code, UiMessages.InfoSelfServiceLoginCode.With()));

    /// <summary>Registration: "Send sign up code" (1040006) for the traits of the form.</summary>
    public static void AddSignUpButton(UiContainer ui) => ui.Nodes.Add(Submit(Method, Code, UiMessages.InfoSelfServiceRegistrationRegisterCode.With()));

    /// <summary>
    /// The second step: every form node but the CSRF token is replaced by the code, the <paramref name="hidden"/> values
    /// the step keeps (the identifier, or the registration's traits), "continue" and "resend".
    /// </summary>
    public static void ShowCodeStep(UiContainer ui, UiMessage codeLabel, IEnumerable<(string Name, string Value)> hidden)
    {
        ui.Nodes.RemoveAll(n => n.Name != CsrfProtection.FieldName);
        foreach (var (name, value) in hidden)
        {
            ui.Nodes.Add(UiNode.Hidden(Group, name, value));
        }

        AddCodeInputs(ui, codeLabel);
    }

    /// <summary>The code input, "continue" and "resend".</summary>
    public static void AddCodeInputs(UiContainer ui, UiMessage codeLabel)
    {
        ui.Nodes.Add(new UiNode("input", Group,
            new UiInputAttributes(Code, "text") { Required = true, Autocomplete = "one-time-code", Pattern = "[0-9]+", Maxlength = OneTimeCode.Length },
            new UiNodeMeta(codeLabel.With())));
        ui.Nodes.Add(Submit(Method, Code, UiMessages.InfoNodeLabelContinue.With()));
        ui.Nodes.Add(Submit(Resend, Code, UiMessages.InfoNodeLabelResendOTP.With()));
    }

    /// <summary>
    /// A second factor: one address is offered as "Request code to continue" (1010019) with the address hidden; several
    /// as one "Send code to ..." button each (1010023).
    /// </summary>
    public static void AddSecondFactor(UiContainer ui, IReadOnlyList<(string Channel, string Address)> addresses)
    {
        if (addresses.Count == 1)
        {
            ui.Nodes.Add(UiNode.Hidden(Group, Address, addresses[0].Address));
            ui.Nodes.Add(Submit(Method, Code, UiMessages.InfoSelfServiceLoginCodeMFA.With()));
            return;
        }

        foreach (var (channel, address) in addresses)
        {
            ui.Nodes.Add(Submit(Address, address,
                UiMessages.InfoSelfServiceLoginAAL2CodeAddress.With(new Dictionary<string, object?> { ["address"] = address, ["channel"] = channel })));
        }
    }

    private static UiNode Submit(string name, string value, UiText label) =>
        new("input", Group, new UiInputAttributes(name, "submit") { Value = JsonValue.Create(value) }, new UiNodeMeta(label));
}
