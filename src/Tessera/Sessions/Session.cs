// SPDX-License-Identifier: Apache-2.0
namespace Tessera.Sessions;

/// <summary>A session as stored. The token itself is not part of it: only its hash is kept.</summary>
internal sealed record Session(
    Guid Id,
    Guid IdentityId,
    bool Active,
    string Aal,
    IReadOnlyList<AuthenticationMethod> AuthenticationMethods,
    IReadOnlyList<SessionDevice> Devices,
    DateTimeOffset IssuedAt,
    DateTimeOffset AuthenticatedAt,
    DateTimeOffset ExpiresAt)
{
    public bool IsUsableAt(DateTimeOffset now) => Active && ExpiresAt > now;
}
