// SPDX-License-Identifier: Apache-2.0
using System.Collections.Immutable;
using OpenIddict.Abstractions;
using Tessera.Errors;
using Tessera.OAuth2.Clients;

namespace Tessera.OAuth2.Grants;

/// <summary>The scopes and audience a token request asks for, each checked against the client's registration (Hydra's exact strategy).</summary>
internal static class GrantScopes
{
    public static Result<IReadOnlyList<string>> Requested(OAuth2Client client, OpenIddictRequest request)
    {
        IReadOnlyList<string> scopes = request.GetScopes().ToList();
        return scopes.FirstOrDefault(s => !client.Scopes.Contains(s, StringComparer.Ordinal)) is { } refused
            ? OAuth2Errors.Of(ErrorCatalog.OAuth2InvalidScope, ("scope", refused))
            : Result<IReadOnlyList<string>>.Success(scopes);
    }

    /// <summary>Hydra's <c>audience</c> parameter: space separated (or repeated), each one registered for the client.</summary>
    public static Result<IReadOnlyList<string>> Audience(OAuth2Client client, OpenIddictRequest request)
    {
        var raw = request.GetParameter("audience");
        var values = raw is null ? [] : (ImmutableArray<string?>?)raw.Value ?? [];
        IReadOnlyList<string> audience = values.OfType<string>().SelectMany(a => a.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Distinct().ToList();
        return audience.FirstOrDefault(a => !client.Audience.Contains(a, StringComparer.Ordinal)) is { } refused
            ? OAuth2Errors.Of(ErrorCatalog.OAuth2InvalidScope, ("scope", $"audience {refused}"))
            : Result<IReadOnlyList<string>>.Success(audience);
    }
}
