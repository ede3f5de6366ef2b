// SPDX-License-Identifier: Apache-2.0
using System.Globalization;

namespace Tessera.Hosting.Pagination;

/// <summary>
/// The position of lists ordered newest first by (created_at, id), sessions and courier messages: the last item's
/// creation time and id. Ordering by both means a page never repeats or skips an item even when many share one
/// created_at; the store reads the next page as <c>created_at &lt; @At OR (created_at = @At AND id &lt; @Id)</c>.
/// </summary>
internal sealed record CreatedAtPosition(DateTimeOffset CreatedAt, Guid Id) : IPagePosition<CreatedAtPosition>
{
    public IReadOnlyList<string> Parts => [CreatedAt.UtcTicks.ToString(CultureInfo.InvariantCulture), Id.ToString("N")];

    public static CreatedAtPosition? Read(IReadOnlyList<string> parts) =>
        parts.Count == 2
        && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
        && ticks >= DateTimeOffset.MinValue.UtcTicks && ticks <= DateTimeOffset.MaxValue.UtcTicks
        && Guid.TryParseExact(parts[1], "N", out var id)
            ? new CreatedAtPosition(new DateTimeOffset(ticks, TimeSpan.Zero), id)
            : null;
}
