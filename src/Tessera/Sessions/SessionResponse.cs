// SPDX-License-Identifier: Apache-2.0
using System.Text.Json.Serialization;

namespace Tessera.Sessions;

/// <summary>Kratos's <c>session</c> object; <c>identity</c> and <c>devices</c> are left out when not expanded.</summary>
internal sealed record SessionResponse(
    Guid Id,
    bool Active,
    DateTimeOffset ExpiresAt,
    DateTimeOffset AuthenticatedAt,
    string AuthenticatorAssuranceLevel,
    IReadOnlyList<AuthenticationMethod> AuthenticationMethods,
    DateTimeOffset IssuedAt,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] object? Identity,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<SessionDevice>? Devices)
{
    public static SessionResponse From(Session session, object? identity, bool withDevices = true) => new(
        session.Id,
        session.Active,
        session.ExpiresAt,
        session.AuthenticatedAt,
        session.Aal,
        session.AuthenticationMethods,
        session.IssuedAt,
        identity,
        withDevices ? session.Devices : null);
}
