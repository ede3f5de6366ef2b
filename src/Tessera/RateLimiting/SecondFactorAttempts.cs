// SPDX-License-Identifier: Apache-2.0
using Tessera.Errors;
using Tessera.Identities;

namespace Tessera.RateLimiting;

/// <summary>
/// Second-factor guessing: codes checked per identity, from any address (the attacker already has the password, and
/// spreading guesses over addresses must not help), in one bucket per method (<c>totp_attempts</c>,
/// <c>lookup_secret_attempts</c>), so a mistyped app code does not also lock the backup codes. As for passwords
/// (<see cref="BruteForceProtection"/>), each check is reserved before the code is compared, so concurrent codes
/// cannot outrun the limit; a wrong code keeps its reservation, a right one is released.
/// </summary>
internal sealed partial class SecondFactorAttempts(RateLimiter limiter, ILogger<SecondFactorAttempts> logger)
{
    /// <summary>
    /// Reserves one check of a <paramref name="method"/> code; when refused, the 429 is in
    /// <see cref="SecondFactorAttempt.Refusal"/>. Either way the answer carries the bucket's <c>RateLimit-*</c> fields,
    /// as every other limited answer does.
    /// </summary>
    public async Task<SecondFactorAttempt> ReserveAsync(HttpContext context, string method, Guid identityId, CancellationToken cancellationToken)
    {
        var reservation = await limiter.TryReserveAsync(BucketOf(method), identityId.ToString(), cancellationToken);
        RateLimitHeaders.Write(context.Response, reservation.Decision);
        if (reservation.Allowed)
        {
            return new SecondFactorAttempt(reservation, null);
        }

        LogRefused(logger, method, identityId, reservation.Decision.RetryAfterSeconds);
        return new SecondFactorAttempt(reservation, RateLimitErrors.Exceeded(reservation.Decision));
    }

    /// <summary>The code was right: its check does not count against the identity.</summary>
    public Task SucceededAsync(SecondFactorAttempt attempt, CancellationToken cancellationToken) =>
        limiter.ReleaseAsync(attempt.Reservation, cancellationToken);

    private static string BucketOf(string method) => method switch
    {
        CredentialTypes.Totp => RateLimitBuckets.TotpAttempts,
        CredentialTypes.LookupSecret => RateLimitBuckets.LookupSecretAttempts,
        _ => throw new ArgumentOutOfRangeException(nameof(method), method, "no attempt limit for this method"),
    };

    // Never the code: only which method, whose, and for how long.
    [LoggerMessage(EventId = 1320, Level = LogLevel.Warning,
        Message = "Refused a {Method} code for identity {IdentityId}: too many codes checked for it; retry after {RetryAfterSeconds}s")]
    private static partial void LogRefused(ILogger logger, string method, Guid identityId, int retryAfterSeconds);
}
