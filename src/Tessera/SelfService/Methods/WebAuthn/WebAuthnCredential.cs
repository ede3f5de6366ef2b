// SPDX-License-Identifier: Apache-2.0
using System.Text.Json.Nodes;

namespace Tessera.SelfService.Methods.WebAuthn;

/// <summary>
/// One registered authenticator, stored in the credential's configuration in Kratos's shape (<c>id</c>,
/// <c>public_key</c>, <c>attestation_type</c>, <c>authenticator.aaguid</c> / <c>sign_count</c>, <c>display_name</c>,
/// <c>added_at</c>, <c>is_passwordless</c>; byte strings in standard base64 as Go writes them), so identities move
/// between Kratos and Tessera with their keys. The public key is a COSE key: public, so stored as it is.
/// </summary>
internal sealed record WebAuthnCredential(
    byte[] Id, byte[] PublicKey, string AttestationType, Guid Aaguid, uint SignCount, string DisplayName, DateTimeOffset AddedAt, bool IsPasswordless)
{
    /// <summary>The id as Kratos's settings forms name it (<c>webauthn_remove</c> / <c>passkey_remove</c> values): lower-case hex.</summary>
    public string HexId => Convert.ToHexStringLower(Id);

    public JsonObject ToJson() => new()
    {
        ["id"] = Convert.ToBase64String(Id),
        ["public_key"] = Convert.ToBase64String(PublicKey),
        ["attestation_type"] = AttestationType,
        ["authenticator"] = new JsonObject
        {
            ["aaguid"] = Convert.ToBase64String(Aaguid.ToByteArray(bigEndian: true)),
            ["sign_count"] = SignCount,
            ["clone_warning"] = false,
        },
        ["display_name"] = DisplayName,
        ["added_at"] = AddedAt.UtcDateTime.ToString("O"),
        ["is_passwordless"] = IsPasswordless,
    };

    /// <summary>Null for an entry that is not a usable credential (no id or key).</summary>
    public static WebAuthnCredential? FromJson(JsonNode? node)
    {
        if (node is not JsonObject entry || Bytes(entry["id"]) is not { Length: > 0 } id || Bytes(entry["public_key"]) is not { Length: > 0 } key)
        {
            return null;
        }

        var authenticator = entry["authenticator"] as JsonObject;
        var aaguid = Bytes(authenticator?["aaguid"]) is { Length: 16 } raw ? new Guid(raw, bigEndian: true) : Guid.Empty;
        var signCount = authenticator?["sign_count"] is JsonValue count && count.TryGetValue<uint>(out var n) ? n : 0;
        var addedAt = entry["added_at"] is JsonValue added && DateTimeOffset.TryParse(added.ToString(), out var at) ? at : DateTimeOffset.UnixEpoch;
        return new WebAuthnCredential(
            id, key,
            entry["attestation_type"]?.ToString() ?? "none",
            aaguid,
            signCount,
            entry["display_name"]?.ToString() ?? string.Empty,
            addedAt,
            entry["is_passwordless"] is JsonValue passwordless && passwordless.TryGetValue<bool>(out var p) && p);
    }

    private static byte[]? Bytes(JsonNode? node)
    {
        if (node is not JsonValue value || !value.TryGetValue<string>(out var text))
        {
            return null;
        }

        var buffer = new byte[text.Length];
        return Convert.TryFromBase64String(text, buffer, out var written) ? buffer[..written] : null;
    }
}
