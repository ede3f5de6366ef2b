// SPDX-License-Identifier: Apache-2.0
namespace Tessera.Projects.Routing;

/// <summary>A Host as routing compares it: lower case, without port and trailing dot.</summary>
internal static class ProjectHostName
{
    /// <summary>The longest host a look-up is made for (a DNS name's limit); longer ones are unknown without asking.</summary>
    public const int MaxLength = 253;

    public static string Normalise(string host) => host.Trim().TrimEnd('.').ToLowerInvariant();

    /// <summary>The request's host (Kestrel has already split the port off, IPv6 literals keep their brackets).</summary>
    public static string Of(HttpRequest request) => Normalise(request.Host.Host);
}
