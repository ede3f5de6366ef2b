// SPDX-License-Identifier: Apache-2.0
using System.Text;

namespace Tessera.OAuth2.Clients;

/// <summary>
/// RFC 6749 section 2.3.1's HTTP Basic client credentials: base64 of <c>urlencode(id):urlencode(secret)</c>. Used
/// where OpenIddict does not parse the request itself (revocation).
/// </summary>
internal static class BasicCredentials
{
    public static bool TryRead(string authorization, out string id, out string secret)
    {
        id = secret = string.Empty;
        if (!authorization.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        Span<byte> buffer = new byte[authorization.Length];
        if (!Convert.TryFromBase64String(authorization[6..].Trim(), buffer, out var written))
        {
            return false;
        }

        var text = Encoding.UTF8.GetString(buffer[..written]);
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            return false;
        }

        id = Uri.UnescapeDataString(text[..colon].Replace('+', ' '));
        secret = Uri.UnescapeDataString(text[(colon + 1)..].Replace('+', ' '));
        return true;
    }
}
