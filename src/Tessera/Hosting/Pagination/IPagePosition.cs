// SPDX-License-Identifier: Apache-2.0
namespace Tessera.Hosting.Pagination;

/// <summary>
/// Where a keyset page ends: the sort key of its last item, written into the opaque <c>page_token</c> as text parts
/// and read back by <see cref="Read"/>. A list's position type decides what its token may hold, so a token of one
/// list (or a forged one) that does not parse as this list's key is refused as a bad <c>page_token</c>.
/// </summary>
internal interface IPagePosition<TSelf> where TSelf : class, IPagePosition<TSelf>
{
    IReadOnlyList<string> Parts { get; }

    /// <summary>The position the parts describe, or null when they describe none of this list's.</summary>
    static abstract TSelf? Read(IReadOnlyList<string> parts);
}
