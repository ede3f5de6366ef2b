// SPDX-License-Identifier: Apache-2.0
using System.Buffers.Text;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Tessera.Hosting.Pagination;

/// <summary>
/// The opaque <c>page_token</c>: a position's parts as a JSON array of strings, base64url-encoded. Opaque to clients
/// (they pass back what the <c>Link</c> header gave them); anything that does not decode to such an array is refused.
/// </summary>
internal static class PageToken
{
    private const int MaxLength = 1024;

    public static string Encode(IReadOnlyList<string> parts) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes(new JsonArray(parts.Select(p => (JsonNode?)JsonValue.Create(p)).ToArray()).ToJsonString()));

    public static IReadOnlyList<string>? Decode(string token)
    {
        if (token.Length > MaxLength || !Base64Url.IsValid(token))
        {
            return null;
        }

        try
        {
            if (JsonNode.Parse(Base64Url.DecodeFromChars(token)) is not JsonArray array)
            {
                return null;
            }

            var parts = new List<string>(array.Count);
            foreach (var item in array)
            {
                if (item is not JsonValue value || !value.TryGetValue<string>(out var text))
                {
                    return null;
                }

                parts.Add(text);
            }

            return parts;
        }
        catch (JsonException)
        {
            // Garbage that happens to be valid base64url: a bad token, not a server fault.
            return null;
        }
    }
}
