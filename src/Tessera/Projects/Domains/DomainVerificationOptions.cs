// SPDX-License-Identifier: Apache-2.0
using System.Net;
using Tessera.Configuration;

namespace Tessera.Projects.Domains;

/// <summary>
/// Tessera's own keys for the TXT look-up of custom domains:
/// <c>projects.domains.verification.nameservers</c>, a list of <c>address[:port]</c> (IP literals, port 53 by
/// default; empty: the system's resolvers), and <c>projects.domains.verification.timeout</c> (default 5s), the whole
/// look-up's budget, after which the domain stays pending.
/// </summary>
internal sealed record DomainVerificationOptions(IReadOnlyList<IPEndPoint> Nameservers, TimeSpan Timeout)
{
    public const string NameserversKey = "projects.domains.verification.nameservers";
    public const string TimeoutKey = "projects.domains.verification.timeout";
    private const int DnsPort = 53;

    public static DomainVerificationOptions Bind(ConfigurationTree config)
    {
        var nameservers = config.GetStringList(NameserversKey).Select(Parse).ToList();
        var timeout = config.GetDuration(TimeoutKey, TimeSpan.FromSeconds(5), min: TimeSpan.FromMilliseconds(100));
        return timeout > TimeSpan.FromMinutes(1)
            ? throw new ConfigurationException(TimeoutKey, "must be at most 1m (an admin request waits for it)")
            : new DomainVerificationOptions(nameservers, timeout);
    }

    // An IP literal, not a host name: the name server is what would resolve it.
    private static IPEndPoint Parse(string text) =>
        IPEndPoint.TryParse(text, out var endpoint)
            ? endpoint.Port == 0 ? new IPEndPoint(endpoint.Address, DnsPort) : endpoint
            : throw new ConfigurationException(NameserversKey, $"expected an IP address with an optional port such as 192.0.2.53:53 or [2001:db8::53]:53, got \"{text}\"");
}
