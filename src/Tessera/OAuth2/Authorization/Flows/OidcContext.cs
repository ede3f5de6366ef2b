// SPDX-License-Identifier: Apache-2.0
using System.Text.Json.Nodes;

namespace Tessera.OAuth2.Authorization.Flows;

/// <summary>Hydra's <c>oidc_context</c>: the OpenID Connect parameters of the authorization request.</summary>
internal sealed record OidcContext
{
    public IReadOnlyList<string>? AcrValues { get; init; }

    public string? Display { get; init; }

    public JsonObject? IdTokenHintClaims { get; init; }

    public string? LoginHint { get; init; }

    public IReadOnlyList<string>? UiLocales { get; init; }
}
