// SPDX-License-Identifier: Apache-2.0
using System.Globalization;

namespace Tessera.Identities.Admin;

/// <summary>Reads <c>GET /admin/identities</c>'s query: page_size (or the deprecated per_page), page_token and one filter.</summary>
internal static class IdentityListQueryParser
{
    public static (IdentityListQuery? Query, string? Error) Parse(IQueryCollection query)
    {
        var sizeText = query["page_size"].FirstOrDefault() ?? query["per_page"].FirstOrDefault();
        var size = AdminIdentityEndpoints.DefaultPageSize;
        if (sizeText is not null && (!int.TryParse(sizeText, NumberStyles.None, CultureInfo.InvariantCulture, out size) || size < 1))
        {
            return (null, "page_size must be a positive whole number");
        }

        size = Math.Min(size, AdminIdentityEndpoints.MaxPageSize);
        Guid? after = null;
        if (query["page_token"].FirstOrDefault() is { Length: > 0 } token)
        {
            if (!IdentityPageToken.TryDecode(token, out var decoded))
            {
                return (null, "page_token is not a token this server issued");
            }

            after = decoded;
        }

        var ids = new List<Guid>();
        foreach (var text in query["ids"].SelectMany(v => (v ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        {
            // Kratos ignores ids that name no identity; one that is not even a UUID cannot name one either.
            if (Guid.TryParse(text, out var id))
            {
                ids.Add(id);
            }
        }

        if (query["ids"].Count > 0 && ids.Count == 0)
        {
            ids.Add(Guid.Empty);
        }

        if (ids.Count > AdminIdentityEndpoints.MaxPageSize)
        {
            return (null, $"at most {AdminIdentityEndpoints.MaxPageSize} ids per request");
        }

        var exact = query["credentials_identifier"].FirstOrDefault();
        var similar = query["preview_credentials_identifier_similar"].FirstOrDefault();
        if (exact is not null && similar is not null)
        {
            return (null, "credentials_identifier and preview_credentials_identifier_similar cannot be combined");
        }

        return (new IdentityListQuery(size, after, ids.Count > 0 ? ids : null, exact, similar), null);
    }
}
