// SPDX-License-Identifier: Apache-2.0
using Tessera.Errors;

namespace Tessera.Sessions;

/// <summary>
/// Reads <c>expand</c> of the admin session reads: repeated (<c>?expand=identity&amp;expand=devices</c>) or
/// comma-separated, case-insensitive as Kratos's examples write it (<c>Identity</c>); any other value is a 400 naming it.
/// </summary>
internal static class SessionExpandParser
{
    public static Result<SessionExpand> Parse(IQueryCollection query)
    {
        var expand = SessionExpand.None;
        foreach (var value in query["expand"].SelectMany(v => (v ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        {
            if (value.Equals("identity", StringComparison.OrdinalIgnoreCase))
            {
                expand |= SessionExpand.Identity;
            }
            else if (value.Equals("devices", StringComparison.OrdinalIgnoreCase))
            {
                expand |= SessionExpand.Devices;
            }
            else
            {
                return RequestErrors.Malformed("expand must be identity or devices", new Dictionary<string, object?> { ["parameter"] = "expand" });
            }
        }

        return expand;
    }
}
