// SPDX-License-Identifier: Apache-2.0
using System.Text.Json.Nodes;

namespace Tessera.OAuth2.Authorization.Flows;

/// <summary>Hydra's <c>acceptOAuth2LoginRequest</c>.</summary>
internal sealed record AcceptLoginBody
{
    public string? Subject { get; init; }

    public string? Acr { get; init; }

    public IReadOnlyList<string>? Amr { get; init; }

    public JsonNode? Context { get; init; }

    public bool ExtendSessionLifespan { get; init; }

    public string? ForceSubjectIdentifier { get; init; }

    public string? IdentityProviderSessionId { get; init; }

    public bool Remember { get; init; }

    /// <summary>Seconds the login session lasts; 0: as long as the browser session.</summary>
    public long RememberFor { get; init; }
}
