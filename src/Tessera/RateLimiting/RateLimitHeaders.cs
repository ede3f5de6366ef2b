// SPDX-License-Identifier: Apache-2.0
using System.Globalization;

namespace Tessera.RateLimiting;

/// <summary>
/// The IETF draft's fields (draft-ietf-httpapi-ratelimit-headers): <c>RateLimit-Limit</c>, <c>RateLimit-Remaining</c>,
/// <c>RateLimit-Reset</c> (seconds) and <c>RateLimit-Policy</c> (<c>10;w=60</c>), on allowed answers of limited
/// buckets and on their 429s. When one request passes several buckets (a submission, then its password attempt), the
/// fields describe the one closest to exhaustion, as the draft asks.
/// </summary>
internal static class RateLimitHeaders
{
    public const string Limit = "RateLimit-Limit";
    public const string Remaining = "RateLimit-Remaining";
    public const string Reset = "RateLimit-Reset";
    public const string Policy = "RateLimit-Policy";

    public static void Write(HttpResponse response, RateLimitDecision decision)
    {
        if (decision.Quota is not { } quota || response.HasStarted)
        {
            return;
        }

        var headers = response.Headers;
        if (int.TryParse(headers[Remaining], NumberStyles.None, CultureInfo.InvariantCulture, out var written) && written < quota.Remaining)
        {
            return;
        }

        headers[Limit] = quota.Limit.ToString(CultureInfo.InvariantCulture);
        headers[Remaining] = quota.Remaining.ToString(CultureInfo.InvariantCulture);
        headers[Reset] = quota.ResetSeconds.ToString(CultureInfo.InvariantCulture);
        headers[Policy] = quota.Policy;
    }
}
