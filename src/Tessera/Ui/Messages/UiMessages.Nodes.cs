// SPDX-License-Identifier: Apache-2.0
namespace Tessera.Ui.Messages;

/// <summary>Labels of UI nodes: 1070xxx.</summary>
internal static partial class UiMessages
{
    public static readonly UiMessage InfoNodeLabelInputPassword = new(1070001, UiMessageType.Info, "Password");

    public static readonly UiMessage InfoNodeLabelGenerated = new(1070002, UiMessageType.Info, "{title}");

    public static readonly UiMessage InfoNodeLabelSave = new(1070003, UiMessageType.Info, "Save");

    public static readonly UiMessage InfoNodeLabelID = new(1070004, UiMessageType.Info, "ID");

    public static readonly UiMessage InfoNodeLabelSubmit = new(1070005, UiMessageType.Info, "Submit");

    public static readonly UiMessage InfoNodeLabelVerifyOTP = new(1070006, UiMessageType.Info, "Verify code");

    public static readonly UiMessage InfoNodeLabelEmail = new(1070007, UiMessageType.Info, "Email");

    public static readonly UiMessage InfoNodeLabelResendOTP = new(1070008, UiMessageType.Info, "Resend code");

    public static readonly UiMessage InfoNodeLabelContinue = new(1070009, UiMessageType.Info, "Continue");

    public static readonly UiMessage InfoNodeLabelRecoveryCode = new(1070010, UiMessageType.Info, "Recovery code");

    public static readonly UiMessage InfoNodeLabelVerificationCode = new(1070011, UiMessageType.Info, "Verification code");

    public static readonly UiMessage InfoNodeLabelRegistrationCode = new(1070012, UiMessageType.Info, "Registration code");

    public static readonly UiMessage InfoNodeLabelLoginCode = new(1070013, UiMessageType.Info, "Login code");

    public static readonly UiMessage InfoNodeLabelLoginAndLinkCredential = new(1070014, UiMessageType.Info, "Login and link credential");

    public static readonly UiMessage InfoNodeLabelCaptcha = new(1070015, UiMessageType.Info, "Please complete the captcha challenge to continue.");

    public static readonly UiMessage InfoNodeLabelRecoveryAddress = new(1070016, UiMessageType.Info, "Recovery address");

    public static readonly UiMessage InfoNodeLabelPhoneNumber = new(1070017, UiMessageType.Info, "Phone number");

    public static readonly UiMessage InfoNodeLabelEmailOrPhone = new(1070018, UiMessageType.Info, "Email or phone number");
}
