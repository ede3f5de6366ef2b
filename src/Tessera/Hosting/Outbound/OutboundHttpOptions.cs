// SPDX-License-Identifier: Apache-2.0
using System.Globalization;
using System.Text.RegularExpressions;
using Tessera.Configuration;

namespace Tessera.Hosting.Outbound;

/// <summary>
/// <c>clients.http</c> (Kratos's keys): <c>disallow_private_ip_ranges</c> (false) refuses outbound calls (web hooks,
/// captcha verification, the breached-passwords API) whose target resolves to a private, loopback, link-local,
/// unique-local, CGNAT, multicast or unspecified address; <c>private_ip_exception_urls</c> ([]) lists the URLs still
/// allowed there: an entry matches a request URL exactly, and a <c>*</c> in it matches any run of characters
/// (<c>http://127.0.0.1:4000/*</c> allows every path on that port).
/// </summary>
internal sealed class OutboundHttpOptions
{
    private const string Key = "clients.http";
    private readonly Regex[] _exceptions;

    public OutboundHttpOptions(bool disallowPrivateIpRanges, IReadOnlyList<string> privateIpExceptionUrls)
    {
        DisallowPrivateIpRanges = disallowPrivateIpRanges;
        PrivateIpExceptionUrls = privateIpExceptionUrls;
        _exceptions = privateIpExceptionUrls.Select(Pattern).ToArray();
    }

    public bool DisallowPrivateIpRanges { get; }

    public IReadOnlyList<string> PrivateIpExceptionUrls { get; }

    public static OutboundHttpOptions Bind(ConfigurationTree config)
    {
        var disallow = config.GetBool($"{Key}.disallow_private_ip_ranges", false);
        var urls = config.GetStringList($"{Key}.private_ip_exception_urls");
        for (var i = 0; i < urls.Count; i++)
        {
            // A '*' stands for any run of characters; what is left must still be an absolute http(s) URL.
            if (!Uri.TryCreate(urls[i].Replace("*", "x", StringComparison.Ordinal), UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            {
                throw new ConfigurationException(string.Create(CultureInfo.InvariantCulture, $"{Key}.private_ip_exception_urls.{i}"),
                    $"expected an absolute http(s) URL (a * matches any run of characters), got \"{urls[i]}\"");
            }
        }

        return new OutboundHttpOptions(disallow, urls);
    }

    /// <summary>Whether <paramref name="url"/> may reach a private address although the ranges are disallowed.</summary>
    public bool IsExempt(Uri url) => _exceptions.Any(e => e.IsMatch(url.AbsoluteUri));

    private static Regex Pattern(string url)
    {
        // Without a '*' the entry is compared as the URL it parses to (so "http://h:1" equals "http://h:1/").
        var normalised = url.Contains('*', StringComparison.Ordinal) ? url : new Uri(url).AbsoluteUri;
        var pattern = "^" + Regex.Escape(normalised).Replace("\\*", ".*", StringComparison.Ordinal) + "$";
        return new Regex(pattern, RegexOptions.CultureInvariant | RegexOptions.NonBacktracking, TimeSpan.FromMilliseconds(100));
    }
}
