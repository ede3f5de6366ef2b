// SPDX-License-Identifier: Apache-2.0
using Tessera.Hosting.Pagination;

namespace Tessera.Sessions;

/// <summary>
/// One page of sessions, newest first: all of the project's (<c>GET /admin/sessions</c>) or one identity's, optionally
/// only active (usable now) or only inactive ones, optionally without one session (the caller's own, <c>GET
/// /sessions</c>). Keyset paging after <see cref="After"/>; <see cref="Offset"/> only for the deprecated page / per_page.
/// With <see cref="IdleTimeout"/> (<c>session.idle_timeout</c>) a session unused for longer is not active, as whoami sees it.
/// </summary>
internal sealed record SessionListQuery(
    int PageSize,
    Guid? IdentityId = null,
    bool? Active = null,
    Guid? Except = null,
    CreatedAtPosition? After = null,
    long Offset = 0,
    TimeSpan? IdleTimeout = null)
{
    public static SessionListQuery For(
        PageRequest<CreatedAtPosition> page, SessionOptions options, Guid? identityId = null, bool? active = null, Guid? except = null) =>
        new(page.Size, identityId, active, except, page.After, page.Offset, options.IdleTimeout);
}
