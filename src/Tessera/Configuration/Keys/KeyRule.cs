// SPDX-License-Identifier: Apache-2.0
namespace Tessera.Configuration.Keys;

/// <summary>One row of <see cref="KeyTable"/>: a key and everything below it, unless a longer row says otherwise.</summary>
internal sealed record KeyRule(string Key, KeyStatus Status, string Note = "")
{
    public bool Covers(string key) =>
        key == Key || key.StartsWith(Key + ".", StringComparison.Ordinal);
}
