// SPDX-License-Identifier: Apache-2.0
namespace Tessera.Errors.Documentation;

/// <summary>An id that is not in the catalog (<see cref="UndefinedErrorIds"/>), what a client meets instead, and the seed codes whose meaning that is.</summary>
internal sealed record UndefinedErrorId(string Id, string Instead)
{
    public IReadOnlyList<SeedCode> SeedCodes { get; init; } = [];
}
