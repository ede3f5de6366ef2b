// SPDX-License-Identifier: Apache-2.0
namespace Tessera.Courier;

/// <summary>
/// A kind of message, with Kratos's name (the admin API's <c>template_type</c>) and its folder under
/// <c>courier.template_override_path</c> (<c>recovery_code/valid/</c>). <see cref="Fields"/> are the model
/// properties its built-in templates use; queueing without one of them is a bug in the caller and throws.
/// </summary>
internal sealed class CourierTemplateType
{
    public static readonly CourierTemplateType RecoveryCodeValid = new("recovery_code_valid", "recovery_code/valid", "RecoveryCode");

    // Don't reveal whether an account exists: the invalid variants go to addresses that have no account, so they
    // say only that someone asked, and carry no code.
    public static readonly CourierTemplateType RecoveryCodeInvalid = new("recovery_code_invalid", "recovery_code/invalid");

    public static readonly CourierTemplateType VerificationCodeValid = new("verification_code_valid", "verification_code/valid", "VerificationCode");

    public static readonly CourierTemplateType VerificationCodeInvalid = new("verification_code_invalid", "verification_code/invalid");

    public static readonly CourierTemplateType LoginCodeValid = new("login_code_valid", "login_code/valid", "LoginCode");

    public static readonly CourierTemplateType RegistrationCodeValid = new("registration_code_valid", "registration_code/valid", "RegistrationCode");

    // The link method's messages (Kratos's names): the valid ones carry the one-time link, the invalid ones no link.
    public static readonly CourierTemplateType RecoveryValid = new("recovery_valid", "recovery/valid", "RecoveryURL");

    public static readonly CourierTemplateType RecoveryInvalid = new("recovery_invalid", "recovery/invalid");

    public static readonly CourierTemplateType VerificationValid = new("verification_valid", "verification/valid", "VerificationURL");

    public static readonly CourierTemplateType VerificationInvalid = new("verification_invalid", "verification/invalid");

    private CourierTemplateType(string name, string folder, params string[] fields)
    {
        Name = name;
        Folder = folder;
        Fields = fields;
    }

    public static IReadOnlyList<CourierTemplateType> All { get; } =
        [
            RecoveryCodeValid, RecoveryCodeInvalid, VerificationCodeValid, VerificationCodeInvalid, LoginCodeValid, RegistrationCodeValid,
            RecoveryValid, RecoveryInvalid, VerificationValid, VerificationInvalid,
        ];

    public string Name { get; }

    public string Folder { get; }

    public IReadOnlyList<string> Fields { get; }

    public override string ToString() => Name;
}
