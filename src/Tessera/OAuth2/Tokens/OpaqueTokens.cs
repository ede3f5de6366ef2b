// SPDX-License-Identifier: Apache-2.0
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Tessera.Security.Secrets;

namespace Tessera.OAuth2.Tokens;

/// <summary>
/// Tessera's opaque tokens: a recognisable prefix (<c>tsr_at_</c> access, <c>tsr_rt_</c> refresh, as Hydra's
/// <c>ory_at_</c>) and 256 random bits. Only the keyed hash (the "signature") is stored, so a database dump holds
/// no usable token; the prefix lets secret scanners find leaked ones.
/// </summary>
internal sealed class OpaqueTokens(ServerSecrets secrets)
{
    public const string AccessPrefix = "tsr_at_";
    public const string RefreshPrefix = "tsr_rt_";
    private const int RandomBytes = 32;
    private static readonly SecretPurpose Purpose = new("tessera/oauth2-tokens/v1");

    public static string New(string prefix) => prefix + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(RandomBytes));

    /// <summary>The stored lookup key of a token.</summary>
    public string Signature(string token) => Base64Url.EncodeToString(secrets.For(Purpose).Sign(Encoding.UTF8.GetBytes(token)));
}
