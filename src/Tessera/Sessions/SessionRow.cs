// SPDX-License-Identifier: Apache-2.0
using System.Text.Json;

namespace Tessera.Sessions;

/// <summary>The <c>sessions</c> table's columns as Dapper reads them.</summary>
internal sealed class SessionRow
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public Guid Id { get; init; }

    public Guid IdentityId { get; init; }

    public bool Active { get; init; }

    public string Aal { get; init; } = "aal1";

    public string AuthenticationMethods { get; init; } = "[]";

    public string Devices { get; init; } = "[]";

    public DateTimeOffset IssuedAt { get; init; }

    public DateTimeOffset AuthenticatedAt { get; init; }

    public DateTimeOffset ExpiresAt { get; init; }

    public DateTimeOffset? SeenAt { get; init; }

    /// <summary>Read by list queries only: the keyset position of a page's last session.</summary>
    public DateTimeOffset CreatedAt { get; init; }

    public Session ToSession() => new(
        Id,
        IdentityId,
        Active,
        Aal,
        JsonSerializer.Deserialize<List<AuthenticationMethod>>(AuthenticationMethods, Json) ?? [],
        JsonSerializer.Deserialize<List<SessionDevice>>(Devices, Json) ?? [],
        IssuedAt,
        AuthenticatedAt,
        ExpiresAt)
    {
        SeenAt = SeenAt,
    };

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Json);
}
