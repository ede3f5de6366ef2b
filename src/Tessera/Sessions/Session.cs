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
    /// <summary>When the session was last used, as last recorded (<c>session.idle_timeout</c>); null before any record.</summary>
    public DateTimeOffset? SeenAt { get; init; }

    public bool IsUsableAt(DateTimeOffset now) => Active && ExpiresAt > now;

    /// <summary>Usable now, counting <c>session.idle_timeout</c> when one is set.</summary>
    public bool IsUsableAt(DateTimeOffset now, TimeSpan? idleTimeout) => IsUsableAt(now) && now < UsableUntil(idleTimeout);

    /// <summary>The earlier of the absolute expiry and the idle deadline (last use plus <c>session.idle_timeout</c>).</summary>
    public DateTimeOffset UsableUntil(TimeSpan? idleTimeout) =>
        idleTimeout is { } idle && (SeenAt ?? AuthenticatedAt) + idle is var idleDeadline && idleDeadline < ExpiresAt ? idleDeadline : ExpiresAt;
}
