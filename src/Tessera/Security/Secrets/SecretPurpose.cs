// SPDX-License-Identifier: Apache-2.0
namespace Tessera.Security.Secrets;

/// <summary>
/// What a derived key is for. Each purpose gets its own key (HKDF of the server secret with the label), so a value
/// computed for one purpose (a code's HMAC) is worthless for another (a rate-limit key), and a label can never
/// collide with another's by accident. Labels are stored nowhere, but changing one invalidates what it keyed.
/// </summary>
internal sealed record SecretPurpose(string Label, bool Cookie = false)
{
    /// <summary>The HMAC of recovery, verification and other one-time codes (<c>selfservice_codes.code_hmac</c>) and link tokens (<c>selfservice_link_tokens.token_hmac</c>).</summary>
    public static readonly SecretPurpose OneTimeCodes = new("tessera/one-time-codes/v1");

    /// <summary>The stored form of rate-limit keys (client addresses, identifiers, session tokens).</summary>
    public static readonly SecretPurpose RateLimitKeys = new("tessera/rate-limit-keys/v1");

    /// <summary>The MAC in the CSRF cookie, so a cookie Tessera did not issue is recognised (<c>secrets.cookie</c>).</summary>
    public static readonly SecretPurpose CsrfCookie = new("tessera/csrf-cookie/v1", Cookie: true);
}
