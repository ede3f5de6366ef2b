// SPDX-License-Identifier: Apache-2.0
using Tessera.Errors;

namespace Tessera.Sessions;

/// <summary>
/// Reads the session lists' <c>active</c> filter: absent or empty lists every session, <c>true</c> / <c>false</c>
/// only usable or only revoked-or-expired ones; anything else is a 400 naming the parameter (never a silent "all").
/// </summary>
internal static class ActiveFilter
{
    public static Result<bool?> Parse(IQueryCollection query)
    {
        var value = query["active"].FirstOrDefault(v => !string.IsNullOrEmpty(v));
        if (value is null)
        {
            return (bool?)null;
        }

        if (!bool.TryParse(value, out var active))
        {
            return RequestErrors.Malformed("active must be true or false", new Dictionary<string, object?> { ["parameter"] = "active" });
        }

        return (bool?)active;
    }
}
