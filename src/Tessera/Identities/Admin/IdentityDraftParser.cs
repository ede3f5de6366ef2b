// SPDX-License-Identifier: Apache-2.0
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Tessera.Identities.Admin;

/// <summary>
/// Reads Kratos's <c>createIdentityBody</c> / <c>updateIdentityBody</c> (and a patched identity document) into a
/// draft, or says which field is wrong.
/// </summary>
internal static class IdentityDraftParser
{
    public static (IdentityDraft? Draft, string? Error) Parse(JsonNode? body)
    {
        if (body is not JsonObject obj)
        {
            return (null, "the body must be a JSON object");
        }

        if (obj["traits"] is not JsonObject traits)
        {
            return (null, "traits must be a JSON object");
        }

        try
        {
            var password = obj["credentials"]?["password"]?["config"];
            return (new IdentityDraft(
                Text(obj, "schema_id"),
                traits,
                Text(obj, "state"),
                obj["metadata_public"],
                obj["metadata_admin"],
                Text(obj, "external_id"),
                password?["password"]?.GetValue<string>(),
                password?["hashed_password"]?.GetValue<string>(),
                obj["verifiable_addresses"]?.Deserialize<List<VerifiableAddress>>(AddressJson.Options),
                obj["recovery_addresses"]?.Deserialize<List<RecoveryAddress>>(AddressJson.Options),
                OidcLinkDraft.Parse(obj["credentials"]?["oidc"]?["config"]?["providers"])), null);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            return (null, $"a field has the wrong type: {e.Message}");
        }
    }

    private static string? Text(JsonObject obj, string key) => obj[key] switch
    {
        null => null,
        JsonValue value when value.TryGetValue<string>(out var text) => text,
        _ => throw new FormatException($"{key} must be a string"),
    };
}
