// SPDX-License-Identifier: Apache-2.0
namespace Tessera.Identities;

/// <summary>
/// The one place identifiers and addresses are normalised before they are stored or looked up: trimmed, and
/// lower-cased (as Kratos does for every identifier), so <c>" Ann@Example.COM"</c> and <c>"ann@example.com"</c>
/// are the same account and the unique index sees them as one.
/// </summary>
internal static class IdentifierNormalizer
{
    public static string Normalize(string identifier) => identifier.Trim().ToLowerInvariant();
}
