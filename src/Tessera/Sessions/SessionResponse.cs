// SPDX-License-Identifier: Apache-2.0
namespace Tessera.Sessions;

/// <summary>Kratos's <c>session</c> object.</summary>
internal sealed record SessionResponse(
    Guid Id,
    bool Active,
    DateTimeOffset ExpiresAt,
    DateTimeOffset AuthenticatedAt,
    string AuthenticatorAssuranceLevel,
    IReadOnlyList<AuthenticationMethod> AuthenticationMethods,
    DateTimeOffset IssuedAt,
    object? Identity,
    IReadOnlyList<SessionDevice> Devices)
{
    public static SessionResponse From(Session session, object? identity) => new(
        session.Id,
        session.Active,
        session.ExpiresAt,
        session.AuthenticatedAt,
        session.Aal,
        session.AuthenticationMethods,
        session.IssuedAt,
        identity,
        session.Devices);
}
