// SPDX-License-Identifier: Apache-2.0
using System.Buffers.Text;
using System.Text;
using Tessera.Security.Cipher;
using Tessera.Security.Secrets;

namespace Tessera.OAuth2.Tokens;

/// <summary>
/// Opaque access tokens that need no row: <c>tsr_at_</c> and AES-256-GCM of the token's claims under a key derived
/// from the server secret (one per configured secret: the first seals, all open). The holder still sees nothing but
/// random-looking bytes; the server reads the claims back without the database, so issuing one is no write. A value
/// altered in any bit, or sealed under a key this server does not have, fails the tag and is unknown. Revocation is
/// stored after all, where it is rare: a revoked token gets its row (<see cref="TokenRevocation"/>), and
/// <c>DELETE /admin/oauth2/tokens</c> renews the client's token epoch; <see cref="TokenLookup"/> reads both.
/// </summary>
internal sealed class SelfContainedTokens(ServerSecrets secrets)
{
    private const byte FormatVersion = 1;
    private static readonly SecretPurpose Purpose = new("tessera/oauth2-self-contained-tokens/v1");
    private static readonly AesGcmCipherAlgorithm Cipher = new();

    private IReadOnlyList<byte[]> Keys => secrets.For(Purpose).SignEach("aes-256-gcm"u8);

    public string Seal(SelfContainedClaims claims)
    {
        using var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(FormatVersion);
            writer.Write(claims.RequestId);
            writer.Write(claims.ClientId);
            writer.Write(claims.Epoch);
            writer.Write(claims.Scope);
            writer.Write(claims.Audience);
            writer.Write(claims.IssuedAt.UtcTicks);
            writer.Write(claims.ExpiresAt.UtcTicks);
        }

        return OpaqueTokens.AccessPrefix + Base64Url.EncodeToString(Cipher.Seal(secrets.For(Purpose).Sign("aes-256-gcm"u8), buffer.ToArray()));
    }

    /// <summary>The claims of a token this server sealed; false for anything else (a stored token's value included).</summary>
    public bool TryOpen(string value, out SelfContainedClaims claims)
    {
        claims = null!;
        var body = value.AsSpan();
        if (!body.StartsWith(OpaqueTokens.AccessPrefix, StringComparison.Ordinal) || !Base64Url.IsValid(body = body[OpaqueTokens.AccessPrefix.Length..]))
        {
            return false;
        }

        // One spelling per token: a variant whose spare trailing bits differ decodes to the same bytes but has another
        // keyed hash, so it would slip past the revocation row of the original.
        var sealedBytes = Base64Url.DecodeFromChars(body);
        if (!body.SequenceEqual(Base64Url.EncodeToString(sealedBytes).AsSpan()))
        {
            return false;
        }

        foreach (var key in Keys)
        {
            if (Cipher.Open(key, sealedBytes) is { } plaintext)
            {
                return TryRead(plaintext, out claims);
            }
        }

        return false;
    }

    private static bool TryRead(byte[] plaintext, out SelfContainedClaims claims)
    {
        claims = null!;
        using var reader = new BinaryReader(new MemoryStream(plaintext), Encoding.UTF8);
        try
        {
            if (reader.ReadByte() != FormatVersion)
            {
                return false;
            }

            claims = new SelfContainedClaims(
                reader.ReadString(),
                reader.ReadString(),
                reader.ReadString(),
                reader.ReadString(),
                reader.ReadString(),
                new DateTimeOffset(reader.ReadInt64(), TimeSpan.Zero),
                new DateTimeOffset(reader.ReadInt64(), TimeSpan.Zero));
            return true;
        }
        catch (Exception exception) when (exception is EndOfStreamException or ArgumentOutOfRangeException or FormatException)
        {
            // Only this server can seal, so this is a format this version does not read.
            return false;
        }
    }
}
