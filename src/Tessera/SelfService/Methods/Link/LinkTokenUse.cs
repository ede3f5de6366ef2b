// SPDX-License-Identifier: Apache-2.0
namespace Tessera.SelfService.Methods.Link;

/// <summary>
/// What opening a link came to at <see cref="CheckedAt"/>: the token it carried, now used (<see cref="Token"/> set),
/// past its lifespan (<see cref="Expired"/>; used too, so it cannot be tried again), or nothing usable (unknown,
/// already used, or sent for an address without an account).
/// </summary>
internal sealed record LinkTokenUse(LinkToken? Token, bool Expired, DateTimeOffset CheckedAt)
{
    public static LinkTokenUse Invalid(DateTimeOffset checkedAt) => new(null, false, checkedAt);
}
