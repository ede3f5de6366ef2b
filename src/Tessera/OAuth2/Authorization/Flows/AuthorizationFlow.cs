// SPDX-License-Identifier: Apache-2.0
using System.Text.Json;
using System.Text.Json.Nodes;
using Tessera.Hosting.Json;

namespace Tessera.OAuth2.Authorization.Flows;

/// <summary>
/// One authorization request on its way through login and consent (a row of <c>oauth2_flows</c>). List and object
/// members are stored as JSON text; the typed accessors below read them. Settable properties: Dapper applies the
/// dialect type handlers to properties.
/// </summary>
internal sealed class AuthorizationFlow
{
    internal static readonly JsonSerializerOptions Json = ApiJson.Configure(new JsonSerializerOptions());

    public Guid Id { get; set; }

    public string State { get; set; } = FlowState.LoginInitialized;

    public string ClientId { get; set; } = string.Empty;

    /// <summary>The authorization URL as the client sent it; accepting appends a verifier to it.</summary>
    public string RequestUrl { get; set; } = string.Empty;

    public string RequestedScope { get; set; } = "[]";

    public string RequestedAudience { get; set; } = "[]";

    public string OidcContext { get; set; } = "{}";

    /// <summary>Empty until the login is accepted, unless a live session already names the subject (then skip is true).</summary>
    public string Subject { get; set; } = string.Empty;

    public bool LoginSkip { get; set; }

    public string? LoginSessionId { get; set; }

    public bool LoginRemember { get; set; }

    public long LoginRememberFor { get; set; }

    public string LoginAcr { get; set; } = string.Empty;

    public string LoginAmr { get; set; } = "[]";

    public string LoginContext { get; set; } = "{}";

    public string IdentityProviderSessionId { get; set; } = string.Empty;

    public DateTimeOffset? AuthenticatedAt { get; set; }

    /// <summary>The rejection (Hydra's error body) when the login was rejected.</summary>
    public string? LoginError { get; set; }

    public DateTimeOffset? LoginHandledAt { get; set; }

    public bool ConsentSkip { get; set; }

    public string GrantScope { get; set; } = "[]";

    public string GrantAudience { get; set; } = "[]";

    public bool ConsentRemember { get; set; }

    public long ConsentRememberFor { get; set; }

    /// <summary>Hydra's consent <c>session</c>: <c>{access_token: {...}, id_token: {...}}</c> claims to add.</summary>
    public string ConsentSession { get; set; } = "{}";

    public string ConsentContext { get; set; } = "{}";

    public string? ConsentError { get; set; }

    public DateTimeOffset? ConsentHandledAt { get; set; }

    public DateTimeOffset RequestedAt { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }

    public IReadOnlyList<string> RequestedScopes => List(RequestedScope);

    public IReadOnlyList<string> RequestedAudiences => List(RequestedAudience);

    public IReadOnlyList<string> GrantedScopes => List(GrantScope);

    public IReadOnlyList<string> GrantedAudiences => List(GrantAudience);

    public IReadOnlyList<string> AuthenticationMethods => List(LoginAmr);

    public OidcContext Oidc => JsonSerializer.Deserialize<OidcContext>(OidcContext, Json) ?? new OidcContext();

    public bool WasLoginHandled => State != FlowState.LoginInitialized;

    public bool WasConsentHandled => State is FlowState.ConsentUnused or FlowState.ConsentError or FlowState.ConsentUsed;

    public static string ToJson<T>(T value) => JsonSerializer.Serialize(value, Json);

    public static JsonNode? Node(string? json) => json is null ? null : JsonNode.Parse(json);

    private static List<string> List(string json) => JsonSerializer.Deserialize<List<string>>(json) ?? [];
}
