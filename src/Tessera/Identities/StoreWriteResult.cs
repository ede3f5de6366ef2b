// SPDX-License-Identifier: Apache-2.0
namespace Tessera.Identities;

/// <summary>What a write did: the unique indexes, not a prior read, decide <see cref="Conflict"/>.</summary>
internal enum StoreWriteResult
{
    Written,
    Conflict,
    NotFound,

    /// <summary>The identity was written by someone else since it was read: read it again and re-apply the change.</summary>
    Stale,
}
