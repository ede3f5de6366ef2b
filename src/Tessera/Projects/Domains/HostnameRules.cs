// SPDX-License-Identifier: Apache-2.0
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Tessera.Errors;

namespace Tessera.Projects.Domains;

/// <summary>
/// A custom domain's hostname: a DNS name of at least two letter-digit-hyphen labels, at most 253 characters, compared
/// in lower case (a trailing dot is dropped); never an IP address, a scheme, a port or a path.
/// </summary>
internal static partial class HostnameRules
{
    public static Result<string> Parse(JsonObject body)
    {
        string? text;
        try
        {
            text = body["hostname"]?.GetValue<string>();
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException or JsonException)
        {
            text = null;
        }

        var hostname = text?.Trim().TrimEnd('.').ToLowerInvariant();
        return hostname is not null && IsValid(hostname)
            ? hostname
            : ProjectRules.Invalid("hostname must be a DNS name such as login.example.com (no scheme, port or path)");
    }

    /// <summary>True for a lower-case DNS name of at least two labels (not an IP address).</summary>
    public static bool IsValid(string hostname) =>
        hostname is { Length: > 0 and <= 253 } && Hostname().IsMatch(hostname) && !IPAddress.TryParse(hostname, out _);

    [GeneratedRegex("^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$", RegexOptions.CultureInvariant)]
    private static partial Regex Hostname();
}
