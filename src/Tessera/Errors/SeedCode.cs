// SPDX-License-Identifier: Apache-2.0
namespace Tessera.Errors;

/// <summary>
/// A code of one of the systems Tessera replaces (seed 000's row <c>B4</c>, seed 002's <c>oauth:state_expired</c>, seed
/// 003's <c>PROVIDER_NOT_FOUND</c>) that a catalog entry answers for. <paramref name="Note"/> says how Tessera meets the
/// code's meaning where that is not the entry's own (a general id, a different status); docs/errors.md shows it.
/// </summary>
internal sealed record SeedCode(string Code, string? Note = null);
