// SPDX-License-Identifier: Apache-2.0
using Tessera.Hosting.Pagination;

namespace Tessera.Identities.Admin;

/// <summary>Reads <c>GET /admin/identities</c>'s filters (one at a time) for a page the <see cref="Paginator"/> read.</summary>
internal static class IdentityListQueryParser
{
    public static (IdentityListQuery? Query, string? Error) Parse(IQueryCollection query, PageRequest<IdentityListPosition> page)
    {
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

        if (ids.Count > Paginator.MaxSize)
        {
            return (null, $"at most {Paginator.MaxSize} ids per request");
        }

        var exact = query["credentials_identifier"].FirstOrDefault();
        var similar = query["preview_credentials_identifier_similar"].FirstOrDefault();
        if (exact is not null && similar is not null)
        {
            return (null, "credentials_identifier and preview_credentials_identifier_similar cannot be combined");
        }

        return (new IdentityListQuery(page.Size, page.After?.Id, ids.Count > 0 ? ids : null, exact, similar, page.Offset), null);
    }
}
