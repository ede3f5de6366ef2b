// SPDX-License-Identifier: Apache-2.0
using System.Buffers.Text;

namespace Tessera.Permissions.Tuples;

/// <summary>Keto's opaque <c>page_token</c>: the last tuple id of the page, base64url; "" on the last page.</summary>
internal static class RelationTuplePageToken
{
    public static string For(Guid lastId) => Base64Url.EncodeToString(lastId.ToByteArray(bigEndian: true));

    public static bool TryRead(string? token, out Guid? afterId)
    {
        afterId = null;
        if (string.IsNullOrEmpty(token))
        {
            return true;
        }

        var bytes = new byte[16];
        if (token.Length != 22 || !Base64Url.IsValid(token) || Base64Url.DecodeFromChars(token, bytes) != 16)
        {
            return false;
        }

        afterId = new Guid(bytes, bigEndian: true);
        return true;
    }
}
