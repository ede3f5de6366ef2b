// SPDX-License-Identifier: Apache-2.0
using System.Text;

namespace Tessera.Identities.Admin;

/// <summary>The opaque <c>page_token</c>: the id the next page starts after, base64url-encoded.</summary>
internal static class IdentityPageToken
{
    public static string Encode(Guid after) =>
        Convert.ToBase64String(Encoding.ASCII.GetBytes(after.ToString("D"))).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static bool TryDecode(string token, out Guid after)
    {
        after = Guid.Empty;
        var bytes = Hashing.PhcString.DecodeBase64(token);
        return bytes is not null && Guid.TryParseExact(Encoding.ASCII.GetString(bytes), "D", out after);
    }
}
