// SPDX-License-Identifier: Apache-2.0
using System.Text;
using System.Text.Json.Nodes;
using Tessera.Errors;
using Tessera.Security.Cipher;
using Tessera.Security.Secrets;

namespace Tessera.Projects.Overlays;

/// <summary>
/// The secrets an overlay holds (an OIDC provider's <c>client_secret</c>, a web hook's basic-auth <c>password</c> or
/// api-key <c>value</c>): sealed at rest (<see cref="AtRestCipher"/>: <c>secrets.cipher</c>, else a key derived from
/// the server secret), opened only to bind, and never shown: reads answer <see cref="Redacted"/> in their place. A
/// patch that sends <see cref="Redacted"/> back keeps the stored secret, so GET-modify-PATCH round trips work; within
/// a list (providers, hooks) the entry is matched by its <c>id</c>, else by its position.
/// </summary>
internal sealed class ProjectOverlaySecrets(SecretCipher cipher, ServerSecrets secrets)
{
    /// <summary>What reads answer in place of a secret, and what a patch sends to keep one.</summary>
    public const string Redacted = "(redacted)";

    private readonly AtRestCipher _cipher = new(cipher, secrets, new SecretPurpose("tessera/project-overlay-secrets/v1"), "overlay-derived:");

    /// <summary>
    /// The one list of secret keys: a leaf named <c>*secret</c> or <c>*password</c> (<c>client_secret</c>, basic
    /// auth's <c>password</c>), or an api-key auth's <c>auth.config.value</c> (web hooks, courier channels).
    /// </summary>
    public static bool IsSecret(string path)
    {
        var leaf = path[(path.LastIndexOf('.') + 1)..];
        return leaf.EndsWith("secret", StringComparison.OrdinalIgnoreCase)
            || leaf.EndsWith("password", StringComparison.OrdinalIgnoreCase)
            || path.EndsWith(".auth.config.value", StringComparison.Ordinal);
    }

    /// <summary><paramref name="values"/> with every secret replaced by <see cref="Redacted"/>.</summary>
    public static JsonObject Redact(JsonObject values)
    {
        var redacted = (JsonObject)values.DeepClone();
        Replace(redacted, string.Empty, (_, _) => Redacted);
        return redacted;
    }

    /// <summary>
    /// <paramref name="patch"/> with its secrets sealed, and each <see cref="Redacted"/> replaced by the secret stored at
    /// that key in <paramref name="stored"/> (400 <c>project_config_invalid</c> when none is).
    /// </summary>
    public Result<JsonObject> Seal(JsonObject patch, JsonObject stored)
    {
        var sealedPatch = (JsonObject)patch.DeepClone();
        return SealIn(sealedPatch, stored, string.Empty) is { } error ? error : sealedPatch;
    }

    /// <summary>Stored <paramref name="values"/> with their secrets opened, and the first key no configured key opens (else null).</summary>
    public (JsonObject Values, string? Unreadable) Open(JsonObject values)
    {
        var opened = (JsonObject)values.DeepClone();
        string? unreadable = null;
        Replace(opened, string.Empty, (path, text) =>
        {
            if (_cipher.Open(text) is { } plaintext)
            {
                return Encoding.UTF8.GetString(plaintext);
            }

            unreadable ??= path;
            return text;
        });
        return (opened, unreadable);
    }

    private TesseraError? SealIn(JsonNode? node, JsonNode? stored, string path)
    {
        if (node is JsonArray array)
        {
            for (var i = 0; i < array.Count; i++)
            {
                if (SealIn(array[i], Counterpart(stored as JsonArray, array[i], i), Join(path, i.ToString(System.Globalization.CultureInfo.InvariantCulture))) is { } error)
                {
                    return error;
                }
            }
        }

        if (node is not JsonObject obj)
        {
            return null;
        }

        foreach (var (key, child) in obj.ToList())
        {
            var childPath = Join(path, key);
            if (child is not JsonValue value || !IsSecret(childPath))
            {
                if (SealIn(child, (stored as JsonObject)?[key], childPath) is { } error)
                {
                    return error;
                }

                continue;
            }

            var text = value.ToString();
            if (text != Redacted)
            {
                obj[key] = _cipher.Seal(Encoding.UTF8.GetBytes(text));
            }
            else if ((stored as JsonObject)?[key] is JsonValue kept)
            {
                obj[key] = kept.DeepClone();
            }
            else
            {
                return ProjectOverlayValidator.Invalid(childPath, $"is {Redacted}, but this project stores no secret there to keep: send the secret itself");
            }
        }

        return null;
    }

    // A list entry's stored self: the entry with the same id (providers), else the one at the same position.
    private static JsonNode? Counterpart(JsonArray? stored, JsonNode? entry, int index)
    {
        if (stored is null)
        {
            return null;
        }

        if (entry is JsonObject { } named && named["id"] is JsonValue id)
        {
            return stored.FirstOrDefault(s => s is JsonObject other && other["id"] is JsonValue otherId && otherId.ToString() == id.ToString());
        }

        return index < stored.Count ? stored[index] : null;
    }

    private static void Replace(JsonNode? node, string path, Func<string, string, string> replace)
    {
        switch (node)
        {
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    Replace(array[i], Join(path, i.ToString(System.Globalization.CultureInfo.InvariantCulture)), replace);
                }

                break;
            case JsonObject obj:
                foreach (var (key, child) in obj.ToList())
                {
                    var childPath = Join(path, key);
                    if (child is JsonValue value && IsSecret(childPath))
                    {
                        obj[key] = replace(childPath, value.ToString());
                    }
                    else
                    {
                        Replace(child, childPath, replace);
                    }
                }

                break;
        }
    }

    private static string Join(string path, string key) => path.Length == 0 ? key : $"{path}.{key}";
}
