// SPDX-License-Identifier: Apache-2.0
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Tessera.Security.Csrf;

/// <summary>
/// Per-response masking of the CSRF token (as Kratos's nosurf does): what a page or flow shows is
/// <c>base64url(pad || pad XOR token)</c> with a fresh random pad, so the secret never appears twice in the same
/// form and compression side channels (BREACH) cannot recover it byte by byte. The cookie keeps the raw token.
/// </summary>
internal static class CsrfTokenMask
{
    public static string Mask(string token)
    {
        var raw = Encoding.UTF8.GetBytes(token);
        var masked = new byte[raw.Length * 2];
        RandomNumberGenerator.Fill(masked.AsSpan(0, raw.Length));
        for (var i = 0; i < raw.Length; i++)
        {
            masked[raw.Length + i] = (byte)(masked[i] ^ raw[i]);
        }

        return Base64Url.EncodeToString(masked);
    }

    /// <summary>The token inside a masked value; null when it is not one (wrong encoding or odd length).</summary>
    public static string? Unmask(string submitted)
    {
        if (!Base64Url.IsValid(submitted))
        {
            return null;
        }

        var masked = Base64Url.DecodeFromChars(submitted);
        if (masked.Length == 0 || masked.Length % 2 != 0)
        {
            return null;
        }

        var half = masked.Length / 2;
        var raw = new byte[half];
        for (var i = 0; i < half; i++)
        {
            raw[i] = (byte)(masked[i] ^ masked[half + i]);
        }

        return Encoding.UTF8.GetString(raw);
    }
}
