// SPDX-License-Identifier: Apache-2.0
namespace Tessera.Errors;

/// <summary>Errors of the captcha check on self-service flows.</summary>
internal static partial class ErrorCatalog
{
    public static readonly ErrorDescriptor CaptchaTokenMissing = new(
        "captcha_token_missing", 400,
        "Captcha verification failed, please try again.",
        "The submission does not carry a captcha token.",
        "The flow requires a captcha and the form was submitted without the provider's token (the widget did not load, or a script blocker removed it).",
        "Complete the captcha and submit again; UIs must send the captcha node's value with the form.",
        "A flow submission answers 400; the flow carries message 4000038 (no captcha token)")
    {
        UiMessageIds = "4000038",
    };

    public static readonly ErrorDescriptor CaptchaVerificationFailed = new(
        "captcha_verification_failed", 403,
        "Captcha verification failed, please try again.",
        "The captcha provider rejected the token.",
        "The captcha token is invalid, expired or already used, or the provider judged the request automated.",
        "Complete a fresh captcha and submit again. Operators: check the site key and secret match.",
        "A flow submission answers 403; the flow carries message 4000038 (HTML browsers are sent back to it)")
    {
        UiMessageIds = "4000038",
    };

    public static readonly ErrorDescriptor CaptchaUnavailable = new(
        "captcha_unavailable", 503,
        "The captcha service is temporarily unavailable.",
        "The captcha provider could not be reached.",
        "The captcha provider's verification endpoint is unreachable or answered with a server error; Tessera fails closed rather than skip the check.",
        "Retry with back-off. Operators: check outbound connectivity to the captcha provider and its status page.",
        "A flow submission answers 503 while the captcha provider is down");
}
