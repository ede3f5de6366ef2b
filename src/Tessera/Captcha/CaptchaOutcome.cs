// SPDX-License-Identifier: Apache-2.0
namespace Tessera.Captcha;

internal enum CaptchaOutcome
{
    Passed,
    Rejected,

    /// <summary>Unreachable, timed out, or an answer that is not a verdict: the check fails closed.</summary>
    Unavailable,
}
