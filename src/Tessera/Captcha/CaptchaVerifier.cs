// SPDX-License-Identifier: Apache-2.0
using System.Text.Json;
using Tessera.Hosting.Outbound;

namespace Tessera.Captcha;

/// <summary>
/// Asks the provider about a token, Turnstile's way (hCaptcha and reCAPTCHA answer the same shape): POST form
/// <c>secret</c>, <c>response</c>, <c>remoteip</c> to <c>verify_url</c>; the answer's <c>success</c> is the verdict.
/// Anything else (no connection, timeout, a non-2xx status, a body without <c>success</c>, a target refused by
/// <c>clients.http.disallow_private_ip_ranges</c>) is "unavailable". Calls go through the shared outbound client.
/// </summary>
internal sealed partial class CaptchaVerifier(CaptchaOptions options, IHttpClientFactory clients, ILogger<CaptchaVerifier> logger)
{
    public async Task<CaptchaOutcome> VerifyAsync(string response, string? remoteIp, CancellationToken cancellationToken)
    {
        var fields = new Dictionary<string, string> { ["secret"] = options.Secret, ["response"] = response };
        if (remoteIp is not null)
        {
            fields["remoteip"] = remoteIp;
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Timeout);
        try
        {
            using var content = new FormUrlEncodedContent(fields);
            using var answer = await clients.CreateClient(OutboundHttpRegistration.ClientName).PostAsync(options.VerifyUrl, content, timeout.Token);
            if (!answer.IsSuccessStatusCode)
            {
                LogUnavailable(logger, $"status {(int)answer.StatusCode}");
                return CaptchaOutcome.Unavailable;
            }

            using var body = await JsonDocument.ParseAsync(await answer.Content.ReadAsStreamAsync(timeout.Token), cancellationToken: timeout.Token);
            if (body.RootElement.ValueKind != JsonValueKind.Object || !body.RootElement.TryGetProperty("success", out var success)
                || success.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
            {
                LogUnavailable(logger, "an answer without a success flag");
                return CaptchaOutcome.Unavailable;
            }

            return success.GetBoolean() ? CaptchaOutcome.Passed : CaptchaOutcome.Rejected;
        }
        catch (Exception e) when (e is HttpRequestException or JsonException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            LogUnavailable(logger, OutboundTargetRefusedException.Of(e)?.Message ?? e.GetType().Name);
            return CaptchaOutcome.Unavailable;
        }
    }

    [LoggerMessage(EventId = 1100, Level = LogLevel.Warning, Message = "The captcha verifier is unavailable: {Reason}")]
    private static partial void LogUnavailable(ILogger logger, string reason);
}
