// SPDX-License-Identifier: Apache-2.0
namespace Tessera.Identities;

/// <summary>
/// The one place identifiers and addresses are normalised before they are stored or looked up: trimmed, and
/// lower-cased (as Kratos does for every identifier), so <c>" Ann@Example.COM"</c> and <c>"ann@example.com"</c>
/// are the same account and the unique index sees them as one. A valid international phone number becomes E.164
/// (<see cref="PhoneNumberNormalizer"/>), so <c>"+49 170 1234567"</c> and <c>"+491701234567"</c> are one too.
/// </summary>
internal static class IdentifierNormalizer
{
    public static string Normalize(string identifier) =>
        PhoneNumberNormalizer.TryNormalize(identifier, out var e164) ? e164 : identifier.Trim().ToLowerInvariant();
}
