// SPDX-License-Identifier: Apache-2.0
using Dapper;

namespace Tessera.Sessions;

/// <summary>
/// The SQL of a session list page and of its total. Newest first by (created_at, id), which the
/// <c>sessions_nid_created</c> and <c>sessions_nid_identity</c> indexes serve; one extra row tells whether a next page exists.
/// </summary>
internal static class SessionListSql
{
    public const string Columns =
        "id, identity_id, active, aal, authentication_methods, devices, issued_at, authenticated_at, expires_at, seen_at, created_at";

    public static (string Sql, DynamicParameters Parameters) Page(SessionListQuery query, Guid nid, DateTimeOffset now)
    {
        var (where, parameters) = Where(query, nid, now);
        if (query.After is { } after)
        {
            parameters.Add("AfterAt", after.CreatedAt);
            parameters.Add("AfterId", after.Id);
            where += " AND (created_at < @AfterAt OR (created_at = @AfterAt AND id < @AfterId))";
        }

        parameters.Add("Limit", query.PageSize + 1);
        parameters.Add("Offset", query.Offset);
        return ($"SELECT {Columns} FROM sessions WHERE {where} ORDER BY created_at DESC, id DESC LIMIT @Limit OFFSET @Offset", parameters);
    }

    /// <summary>How many sessions the filters match, all pages together (<c>X-Total-Count</c>).</summary>
    public static (string Sql, DynamicParameters Parameters) Count(SessionListQuery query, Guid nid, DateTimeOffset now)
    {
        var (where, parameters) = Where(query, nid, now);
        return ($"SELECT COUNT(*) FROM sessions WHERE {where}", parameters);
    }

    private static (string Where, DynamicParameters Parameters) Where(SessionListQuery query, Guid nid, DateTimeOffset now)
    {
        var parameters = new DynamicParameters();
        parameters.Add("Nid", nid);
        var where = "nid = @Nid";
        if (query.IdentityId is { } identityId)
        {
            parameters.Add("IdentityId", identityId);
            where += " AND identity_id = @IdentityId";
        }

        if (query.Active is { } active)
        {
            // Active means usable now: not revoked and not expired (Kratos's filter), nor idle past session.idle_timeout
            // (last recorded use, else the sign-in, as Session.UsableUntil counts it).
            parameters.Add("Now", now);
            var usable = "active = TRUE AND expires_at > @Now";
            if (query.IdleTimeout is { } idle)
            {
                parameters.Add("IdleCutoff", now - idle);
                usable += " AND COALESCE(seen_at, authenticated_at) > @IdleCutoff";
            }

            where += active ? $" AND {usable}" : $" AND NOT ({usable})";
        }

        if (query.Except is { } except)
        {
            parameters.Add("Except", except);
            where += " AND id <> @Except";
        }

        return (where, parameters);
    }
}
