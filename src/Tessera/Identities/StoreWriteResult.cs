// SPDX-License-Identifier: Apache-2.0
namespace Tessera.Identities;

/// <summary>What a write did: the unique indexes, not a prior read, decide <see cref="Conflict"/>.</summary>
internal enum StoreWriteResult
{
    Written,
    Conflict,
    NotFound,
}
