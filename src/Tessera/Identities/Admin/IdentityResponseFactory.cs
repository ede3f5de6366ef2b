// SPDX-License-Identifier: Apache-2.0
using Tessera.Hosting;

namespace Tessera.Identities.Admin;

/// <summary>
/// Renders identities with their schema URL on the public listener. The admin view may include credentials;
/// the public view (sessions, self-service flows) never has credentials or admin metadata.
/// </summary>
internal sealed class IdentityResponseFactory(PublicUrls urls)
{
    private static readonly HashSet<string> NoCredentials = [];

    public IdentityResponse Create(Identity identity, IEnumerable<string>? includeCredentials = null) =>
        IdentityResponse.From(identity, urls.BaseUrl, (includeCredentials ?? []).ToHashSet(StringComparer.Ordinal));

    /// <summary>A list item of <c>GET /admin/identities</c>: everything but the credentials (Kratos omits them there).</summary>
    public IdentityResponse WithoutCredentials(Identity identity) =>
        IdentityResponse.From(identity, urls.BaseUrl, NoCredentials) with { Credentials = null };

    public IdentityResponse Public(Identity identity) =>
        IdentityResponse.From(identity, urls.BaseUrl, NoCredentials) with { MetadataAdmin = null, Credentials = null };
}
