// SPDX-License-Identifier: Apache-2.0
namespace Tessera.Hosting.Outbound;

/// <summary>
/// An outbound call refused before any connection: the host resolves only to addresses that
/// <c>clients.http.disallow_private_ip_ranges</c> forbids. It reaches callers as the inner exception of an
/// <see cref="HttpRequestException"/>; <see cref="Of"/> finds it there.
/// </summary>
internal sealed class OutboundTargetRefusedException(string host, string reason)
    : Exception($"the call to {host} was refused: it resolves to a {reason} address and clients.http.disallow_private_ip_ranges is true")
{
    public string Host { get; } = host;

    public string Reason { get; } = reason;

    public static OutboundTargetRefusedException? Of(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is OutboundTargetRefusedException refused)
            {
                return refused;
            }
        }

        return null;
    }
}
