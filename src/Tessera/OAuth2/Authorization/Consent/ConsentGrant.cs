// SPDX-License-Identifier: Apache-2.0
using System.Text.Json;

namespace Tessera.OAuth2.Authorization.Consent;

/// <summary>
/// A remembered consent (a row of <c>oauth2_consent_grants</c>): the subject let the client have these scopes and
/// audiences, until <see cref="ExpiresAt"/> (never when null). The flow it came from holds the consent request.
/// </summary>
internal sealed class ConsentGrant
{
    public Guid Id { get; set; }

    public Guid FlowId { get; set; }

    public string Subject { get; set; } = string.Empty;

    public string ClientId { get; set; } = string.Empty;

    public string? LoginSessionId { get; set; }

    public string GrantScope { get; set; } = "[]";

    public string GrantAudience { get; set; } = "[]";

    public string ConsentSession { get; set; } = "{}";

    public string ConsentContext { get; set; } = "{}";

    public long RememberFor { get; set; }

    public DateTimeOffset GrantedAt { get; set; }

    public DateTimeOffset? ExpiresAt { get; set; }

    public IReadOnlyList<string> Scopes => JsonSerializer.Deserialize<List<string>>(GrantScope) ?? [];

    public IReadOnlyList<string> Audiences => JsonSerializer.Deserialize<List<string>>(GrantAudience) ?? [];

    /// <summary>Whether this grant covers a request: every requested scope and audience was granted.</summary>
    public bool Covers(IEnumerable<string> scopes, IEnumerable<string> audiences) =>
        !scopes.Except(Scopes, StringComparer.Ordinal).Any() && !audiences.Except(Audiences, StringComparer.Ordinal).Any();
}
