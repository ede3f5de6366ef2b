// SPDX-License-Identifier: Apache-2.0
namespace Tessera.Identities;

/// <summary>A page of identities; <see cref="NextAfter"/> is the id the next page starts after, null on the last page.</summary>
internal sealed record IdentityPage(IReadOnlyList<Identity> Items, Guid? NextAfter);
