// SPDX-License-Identifier: Apache-2.0
using System.Globalization;
using Tessera.Hosting.Pagination;

namespace Tessera.OAuth2.Clients;

/// <summary>Where a page of <c>GET /admin/clients</c> ended: client ids are strings, so not <see cref="CreatedAtPosition"/>.</summary>
internal sealed record ClientPosition(DateTimeOffset CreatedAt, string ClientId) : IPagePosition<ClientPosition>
{
    public IReadOnlyList<string> Parts => [CreatedAt.UtcTicks.ToString(CultureInfo.InvariantCulture), ClientId];

    public static ClientPosition? Read(IReadOnlyList<string> parts) =>
        parts.Count == 2
        && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
        && ticks >= DateTimeOffset.MinValue.UtcTicks && ticks <= DateTimeOffset.MaxValue.UtcTicks
            ? new ClientPosition(new DateTimeOffset(ticks, TimeSpan.Zero), parts[1])
            : null;
}
