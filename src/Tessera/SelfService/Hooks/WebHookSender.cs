// SPDX-License-Identifier: Apache-2.0
using System.Net;
using System.Text;
using Tessera.Hosting.Outbound;

namespace Tessera.SelfService.Hooks;

/// <summary>
/// Sends one web hook request: the configured headers and auth, the JSON body, and retries of 5xx, 429 and
/// unreachable targets with exponential back-off (<see cref="MaxAttempts"/> attempts), all within the hook's
/// timeout; a target refused by <c>clients.http.disallow_private_ip_ranges</c> is not retried. Retries are safe to repeat because the payload carries the flow id, which receivers can de-duplicate on.
/// </summary>
internal sealed class WebHookSender(IHttpClientFactory clients, TimeProvider clock)
{
    public const int MaxAttempts = 3;
    public static readonly TimeSpan FirstBackoff = TimeSpan.FromMilliseconds(100);
    private const int MaxBodyChars = 64 * 1024;

    public async Task<WebHookCall> SendAsync(WebHookConfig hook, string body, CancellationToken cancellationToken)
    {
        using var budget = new CancellationTokenSource(hook.Timeout, clock);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(budget.Token, cancellationToken);
        var started = clock.GetTimestamp();
        var client = clients.CreateClient(OutboundHttpRegistration.ClientName);
        int? status = null;
        string? answer = null;
        string? transportError = null;
        var attempt = 0;
        try
        {
            while (true)
            {
                attempt++;
                transportError = null;
                try
                {
                    using var request = Build(hook, body);
                    using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token);
                    status = (int)response.StatusCode;
                    answer = await ReadBoundedAsync(response, linked.Token);
                    if (!Retryable(response.StatusCode))
                    {
                        break;
                    }
                }
                catch (HttpRequestException e)
                {
                    status = null;
                    if (OutboundTargetRefusedException.Of(e) is { } refused)
                    {
                        // Asking again resolves to the same forbidden place: fail now, naming why.
                        transportError = refused.Message;
                        break;
                    }

                    transportError = e.Message;
                }

                if (attempt >= MaxAttempts)
                {
                    break;
                }

                await Task.Delay(FirstBackoff * Math.Pow(2, attempt - 1), clock, linked.Token);
            }
        }
        catch (OperationCanceledException) when (budget.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return new WebHookCall(null, null, attempt, clock.GetElapsedTime(started), TimedOut: true, $"no answer within {hook.Timeout.TotalSeconds:0.###}s");
        }

        return new WebHookCall(status, answer, attempt, clock.GetElapsedTime(started), TimedOut: false, transportError);
    }

    private static bool Retryable(HttpStatusCode status) => (int)status >= 500 || status == HttpStatusCode.TooManyRequests;

    private static HttpRequestMessage Build(WebHookConfig hook, string body)
    {
        var request = new HttpRequestMessage(hook.Method, hook.Url);
        if (hook.Method != HttpMethod.Get && hook.Method != HttpMethod.Delete)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        foreach (var (name, value) in hook.Headers)
        {
            if (!request.Headers.TryAddWithoutValidation(name, value))
            {
                request.Content?.Headers.Remove(name);
                request.Content?.Headers.TryAddWithoutValidation(name, value);
            }
        }

        hook.Auth?.Apply(request);
        return request;
    }

    private static async Task<string> ReadBoundedAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cancellationToken), Encoding.UTF8);
        var buffer = new char[MaxBodyChars];
        var read = await reader.ReadBlockAsync(buffer.AsMemory(), cancellationToken);
        return new string(buffer, 0, read);
    }
}
