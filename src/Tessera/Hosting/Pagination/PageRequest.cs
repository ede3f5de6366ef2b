// SPDX-License-Identifier: Apache-2.0
namespace Tessera.Hosting.Pagination;

/// <summary>
/// One page of an admin list as the client asked for it. Keyset (Kratos's <c>page_size</c> / <c>page_token</c>):
/// <see cref="After"/> is where the previous page ended, null for the first. Legacy (the deprecated <c>page</c> /
/// <c>per_page</c>, still honoured as Kratos does): <see cref="LegacyPage"/> is the zero-based page number and the
/// store skips <see cref="Offset"/> items.
/// </summary>
internal sealed record PageRequest<TPosition>(int Size, TPosition? After, long? LegacyPage)
    where TPosition : class, IPagePosition<TPosition>
{
    public bool IsLegacy => LegacyPage is not null;

    public long Offset => (LegacyPage ?? 0) * Size;
}
