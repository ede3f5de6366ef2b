// SPDX-License-Identifier: Apache-2.0
using System.Collections.Concurrent;
using System.Globalization;
using System.Text;

namespace Tessera.Hashing;

/// <summary>
/// The haveibeenpwned range API (k-anonymity): <c>GET {host}/range/{first 5 hex digits of the SHA-1}</c> answers
/// every known suffix of that prefix as <c>SUFFIX:COUNT</c> lines, so neither the password nor its full digest ever
/// leaves the server. Ranges are kept in memory for <see cref="CacheLifetime"/> (at most <see cref="MaxCachedRanges"/>
/// of them); a call is bounded by <see cref="Timeout"/> and goes through the shared outbound client, so
/// <c>clients.http.disallow_private_ip_ranges</c> applies.
/// </summary>
internal sealed partial class BreachedPasswordsApi(HttpClient http, PasswordPolicyOptions options, TimeProvider clock, ILogger logger)
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(3);
    public static readonly TimeSpan CacheLifetime = TimeSpan.FromHours(1);
    public const int MaxCachedRanges = 1024;
    private const int MaxBodyChars = 2 * 1024 * 1024;
    private readonly ConcurrentDictionary<string, CachedRange> _ranges = new(StringComparer.Ordinal);

    /// <summary>How often the password with this upper-case SHA-1 hex digest was breached, or null when the service could not tell.</summary>
    public async Task<long?> BreachesAsync(string sha1Hex, CancellationToken cancellationToken)
    {
        var prefix = sha1Hex[..5];
        var now = clock.GetUtcNow();
        if (!_ranges.TryGetValue(prefix, out var cached) || cached.ExpiresAt <= now)
        {
            if (await FetchAsync(prefix, cancellationToken) is not { } range)
            {
                return null;
            }

            if (_ranges.Count >= MaxCachedRanges)
            {
                _ranges.Clear(); // Cheaper than tracking use: a cleared range costs one more call.
            }

            cached = new CachedRange(range, now + CacheLifetime);
            _ranges[prefix] = cached;
        }

        return cached.Suffixes.GetValueOrDefault(sha1Hex[5..]);
    }

    private async Task<Dictionary<string, long>?> FetchAsync(string prefix, CancellationToken cancellationToken)
    {
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        budget.CancelAfter(Timeout);
        var url = new Uri(options.HaveIBeenPwnedBaseUrl!.AbsoluteUri.TrimEnd('/') + "/range/" + prefix);
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            // Padded answers all look alike in size, so an observer cannot tell the prefix from the answer's length.
            request.Headers.Add("Add-Padding", "true");
            request.Headers.UserAgent.ParseAdd("Tessera");
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, budget.Token);
            if (!response.IsSuccessStatusCode)
            {
                LogUnavailable(logger, url.Host, $"status {(int)response.StatusCode}");
                return null;
            }

            using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(budget.Token), Encoding.UTF8);
            var buffer = new char[MaxBodyChars];
            var read = await reader.ReadBlockAsync(buffer.AsMemory(), budget.Token);
            return Parse(buffer.AsSpan(0, read));
        }
        catch (Exception e) when (e is HttpRequestException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            LogUnavailable(logger, url.Host, Hosting.Outbound.OutboundTargetRefusedException.Of(e)?.Message ?? e.GetType().Name);
            return null;
        }
    }

    /// <summary>Reads <c>SUFFIX:COUNT</c> lines; padding lines (count 0) and anything malformed are skipped.</summary>
    internal static Dictionary<string, long> Parse(ReadOnlySpan<char> body)
    {
        var suffixes = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var range in body.Split('\n'))
        {
            var line = body[range].Trim();
            var colon = line.IndexOf(':');
            if (colon == 35 && long.TryParse(line[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count > 0)
            {
                suffixes[line[..colon].ToString().ToUpperInvariant()] = count;
            }
        }

        return suffixes;
    }

    [LoggerMessage(EventId = 1410, Level = LogLevel.Warning, Message = "The breached-passwords service at {Host} could not be asked: {Reason}")]
    private static partial void LogUnavailable(ILogger logger, string host, string reason);

    private sealed record CachedRange(Dictionary<string, long> Suffixes, DateTimeOffset ExpiresAt);
}
