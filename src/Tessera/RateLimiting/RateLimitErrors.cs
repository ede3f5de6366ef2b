// SPDX-License-Identifier: Apache-2.0
using Tessera.Errors;
using Tessera.Ui.Messages;

namespace Tessera.RateLimiting;

/// <summary>
/// The 429 for a refusal. <c>Retry-After</c> carries the wait; the envelope's <c>details</c> repeat it with the retry
/// category (the envelope has no other place for it), problem+json has both in <c>context</c> and <c>retry</c>.
/// <c>details.scope</c> says whose budget ran out (<c>project</c>, or <c>workspace</c>: the aggregate of all of the
/// workspace's projects) and <c>details.bucket</c> which limit.
/// </summary>
internal static class RateLimitErrors
{
    public static TesseraError Exceeded(RateLimitDecision decision)
    {
        var seconds = decision.RetryAfterSeconds;
        var error = new TesseraError(ErrorCatalog.RateLimitExceeded)
        {
            Context = new Dictionary<string, object?> { ["retry_after_seconds"] = seconds },
            RetryAfterSeconds = seconds,
        };
        return error with
        {
            Details = new Dictionary<string, object?>
            {
                ["retry_after_seconds"] = seconds,
                ["retry"] = error.Retry.ToString().ToLowerInvariant(),
                ["scope"] = decision.Quota?.Scope,
                ["bucket"] = decision.Bucket,
            },
        };
    }

    /// <summary>
    /// The same refusal as a flow message. Kratos has no rate-limit message id, and ids must be Kratos's, so it is the
    /// generic validation message (4000001) whose text is the error's reason and whose context has the wait.
    /// </summary>
    public static UiText OnFlow(TesseraError error) => UiMessages.ValidationGeneric.With(new Dictionary<string, object?>
    {
        ["reason"] = error.EffectiveReason,
        ["retry_after_seconds"] = error.RetryAfterSeconds,
    });
}
