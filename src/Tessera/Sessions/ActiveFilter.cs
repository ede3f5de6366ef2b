// SPDX-License-Identifier: Apache-2.0
using Tessera.Errors;
using Tessera.Hosting.QueryParameters;

namespace Tessera.Sessions;

/// <summary>
/// Reads the session lists' <c>active</c> filter: absent or empty lists every session, <c>true</c> / <c>false</c>
/// only usable or only revoked-or-expired ones; anything else is a 400 naming the parameter (never a silent "all").
/// </summary>
internal static class ActiveFilter
{
    public static Result<bool?> Parse(IQueryCollection query) => QueryParameterReader.Boolean(query, "active");
}
