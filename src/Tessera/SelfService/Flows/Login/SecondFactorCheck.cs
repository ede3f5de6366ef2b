// SPDX-License-Identifier: Apache-2.0
using Tessera.Identities;
using Tessera.RateLimiting;
using Tessera.SelfService.Methods.LookupSecret;
using Tessera.SelfService.Methods.Totp;
using Tessera.Ui.Messages;

namespace Tessera.SelfService.Flows.Login;

/// <summary>
/// Checking a second-factor code of an identity: the per-identity attempt limit first (reserved before the code is
/// compared, <see cref="SecondFactorAttempts"/>), then the code, consumed at most once however many requests carry it.
/// </summary>
internal sealed class SecondFactorCheck(TotpCredentials totp, LookupSecretCredentials lookup, SecondFactorAttempts attempts)
{
    /// <summary>Null when the code was right (and is now used); otherwise the refusal: a message for a field, or a 429.</summary>
    public async Task<SecondFactorResult?> CheckAsync(HttpContext context, Identity identity, string method, string? code, CancellationToken cancellationToken)
    {
        var totpMethod = method == CredentialTypes.Totp;
        if (totpMethod ? !TotpCredentials.IsLinked(identity) : !LookupSecretCredentials.IsSet(identity))
        {
            // Nothing to guess against: answered without counting.
            return totpMethod
                ? new SecondFactorResult(null, null, UiMessages.ValidationNoTOTPDevice.With(), null)
                : new SecondFactorResult(null, SecondFactorLogin.LookupSecret, UiMessages.ValidationNoLookup.With(), null);
        }

        var attempt = await attempts.ReserveAsync(context, method, identity.Id, cancellationToken);
        if (attempt.Refusal is { } refused)
        {
            return new SecondFactorResult(null, null, null, null, refused);
        }

        SecondFactorResult? wrong;
        if (totpMethod)
        {
            wrong = await totp.VerifyAsync(identity, code?.Trim(), cancellationToken)
                ? null
                : new SecondFactorResult(null, SecondFactorLogin.TotpCode, UiMessages.ValidationTOTPVerifierWrong.With(), null);
        }
        else
        {
            wrong = await lookup.UseAsync(identity, code, cancellationToken) is { } message
                ? new SecondFactorResult(null, SecondFactorLogin.LookupSecret, message, null)
                : null;
        }

        if (wrong is null)
        {
            await attempts.SucceededAsync(attempt, cancellationToken);
        }

        return wrong;
    }
}
