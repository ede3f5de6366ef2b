// SPDX-License-Identifier: Apache-2.0
using System.Text.Json.Nodes;

namespace Tessera.OAuth2.Authorization.Flows;

/// <summary>Hydra's <c>acceptOAuth2ConsentRequest</c>.</summary>
internal sealed record AcceptConsentBody
{
    public JsonNode? Context { get; init; }

    public IReadOnlyList<string>? GrantAccessTokenAudience { get; init; }

    public IReadOnlyList<string>? GrantScope { get; init; }

    public bool Remember { get; init; }

    /// <summary>Seconds the grant is remembered; 0: indefinitely.</summary>
    public long RememberFor { get; init; }

    /// <summary><c>{access_token: {...}, id_token: {...}}</c>: claims added to the tokens.</summary>
    public JsonObject? Session { get; init; }
}
