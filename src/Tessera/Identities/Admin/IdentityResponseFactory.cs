// SPDX-License-Identifier: Apache-2.0
using Tessera.Hosting;
using Tessera.Identities.Schemas;

namespace Tessera.Identities.Admin;

/// <summary>Renders identities with their schema URL on the public listener (<c>serve.public.base_url</c>, else the bound address).</summary>
internal sealed class IdentityResponseFactory(IdentityOptions options, BoundListeners listeners)
{
    public IdentityResponse Create(Identity identity, IEnumerable<string>? includeCredentials = null) =>
        IdentityResponse.From(identity, options.PublicBaseUrl ?? listeners.PublicUrl,
            (includeCredentials ?? []).ToHashSet(StringComparer.Ordinal));
}
