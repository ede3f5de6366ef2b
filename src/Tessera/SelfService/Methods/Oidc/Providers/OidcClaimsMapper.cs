// SPDX-License-Identifier: Apache-2.0
using System.Text.Json;
using System.Text.Json.Nodes;
using Tessera.Configuration;
using Tessera.SelfService.Hooks;

namespace Tessera.SelfService.Methods.Oidc.Providers;

/// <summary>
/// <c>mapper_url</c>: where Kratos runs a Jsonnet file, Tessera takes a JSON template whose string values are claim
/// paths, e.g. <c>{"traits": {"email": "claims.email", "name": {"first": "claims.given_name"}}}</c>, read from
/// <c>base64://</c> or <c>file://</c>. A path names a claim of the ID token (or of the user info of a plain OAuth2
/// provider), dots going into objects; a claim the provider did not send leaves its member out. Numbers, booleans and
/// null are written as they are. The template may also fill <c>metadata_public</c> and <c>metadata_admin</c>.
/// Read and checked at start-up: a Jsonnet file, a template that is not a JSON object with a <c>traits</c> object, or
/// a string that is not a <c>claims.</c> path stops the server with the key.
/// </summary>
internal sealed class OidcClaimsMapper
{
    private const string ClaimsPrefix = "claims.";
    private static readonly string[] Members = ["traits", "metadata_public", "metadata_admin"];
    private readonly JsonObject _template;

    private OidcClaimsMapper(JsonObject template) => _template = template;

    public static OidcClaimsMapper Load(string location, string key)
    {
        var source = WebHookBodyTemplate.Read(location, key);
        if (WebHookBodyTemplate.IsJsonnetAt(location, key))
        {
            throw new ConfigurationException(key, "the mapper is Jsonnet, and Tessera has no Jsonnet engine: write it as a JSON template whose string "
                + "values are claim paths instead, e.g. {\"traits\": {\"email\": \"claims.email\", \"name\": {\"first\": \"claims.given_name\"}}} "
                + "(base64:// or file://; see docs/compatibility.md)");
        }

        JsonNode? parsed;
        try
        {
            parsed = JsonNode.Parse(source);
        }
        catch (JsonException e)
        {
            throw new ConfigurationException(key, $"the mapper is not JSON: {e.Message}");
        }

        if (parsed is not JsonObject template || template["traits"] is not JsonObject)
        {
            throw new ConfigurationException(key, "the mapper must be a JSON object with a \"traits\" object, e.g. {\"traits\": {\"email\": \"claims.email\"}}");
        }

        if (template.Select(p => p.Key).FirstOrDefault(k => !Members.Contains(k)) is { } unknown)
        {
            throw new ConfigurationException(key, $"the mapper may only have {string.Join(", ", Members)}, not \"{unknown}\"");
        }

        CheckPaths(template, key);
        return new OidcClaimsMapper(template);
    }

    /// <summary>The mapped identity parts (<c>traits</c>, and <c>metadata_*</c> when the template has them).</summary>
    public JsonObject Map(JsonObject claims) => (JsonObject)Fill(_template, claims)!;

    private static JsonNode? Fill(JsonNode? template, JsonObject claims) => template switch
    {
        JsonObject obj => new JsonObject(obj
            .Select(p => KeyValuePair.Create(p.Key, Fill(p.Value, claims)))
            .Where(p => p.Value is not null || obj[p.Key] is null)),
        JsonArray array => new JsonArray(array.Select(item => Fill(item, claims)).Where(v => v is not null).ToArray()),
        JsonValue value when value.TryGetValue<string>(out var path) => Resolve(claims, path[ClaimsPrefix.Length..]),
        _ => template?.DeepClone(),
    };

    private static JsonNode? Resolve(JsonObject claims, string path)
    {
        JsonNode? node = claims;
        foreach (var segment in path.Split('.'))
        {
            node = node is JsonObject obj ? obj[segment] : null;
        }

        return node?.DeepClone();
    }

    private static void CheckPaths(JsonNode? node, string key)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (_, child) in obj)
                {
                    CheckPaths(child, key);
                }

                break;
            case JsonArray array:
                foreach (var child in array)
                {
                    CheckPaths(child, key);
                }

                break;
            case JsonValue value when value.TryGetValue<string>(out var text)
                && (!text.StartsWith(ClaimsPrefix, StringComparison.Ordinal) || text.Length == ClaimsPrefix.Length):
                throw new ConfigurationException(key, $"\"{text}\" is not a claim path: string values name a claim, e.g. \"claims.email\"");
        }
    }
}
