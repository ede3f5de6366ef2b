// SPDX-License-Identifier: Apache-2.0
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using NJsonSchema;
using Tessera.Configuration;

namespace Tessera.Identities.Schemas;

/// <summary>
/// Fetches and compiles one configured schema. Only the URLs in <c>identity.schemas</c> are fetched (the operator
/// chose them); a schema that cannot be read or parsed stops the start with the reason. A self-contained load (a
/// project's inline schema) reads nothing beyond the text it is given: its external <c>$ref</c>s are refused.
/// </summary>
internal static class IdentitySchemaLoader
{
    private const string Key = "identity.schemas";
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(10) };

    public static async Task<IdentitySchema> LoadAsync(IdentitySchemaReference reference, CancellationToken cancellationToken) =>
        await LoadAsync(reference, selfContained: false, cancellationToken);

    public static async Task<IdentitySchema> LoadAsync(IdentitySchemaReference reference, bool selfContained, CancellationToken cancellationToken)
    {
        var (text, documentPath) = await ReadAsync(reference, cancellationToken);
        JsonObject document;
        try
        {
            document = JsonNode.Parse(text) as JsonObject
                ?? throw new ConfigurationException(Key, $"the schema \"{reference.Id}\" is not a JSON object");
        }
        catch (JsonException e)
        {
            throw new ConfigurationException(Key, $"the schema \"{reference.Id}\" is not valid JSON: {e.Message}");
        }

        if ((document["properties"] as JsonObject)?["traits"] is not JsonObject)
        {
            throw new ConfigurationException(Key, $"the schema \"{reference.Id}\" is not an identity schema: it needs properties.traits, the JSON Schema of the traits");
        }

        JsonSchema compiled;
        try
        {
            compiled = (selfContained, documentPath) switch
            {
                (true, _) => await JsonSchema.FromJsonAsync(text, null, root => new SelfContainedReferenceResolver(root), cancellationToken),
                (false, null) => await JsonSchema.FromJsonAsync(text, cancellationToken),
                (false, { } path) => await JsonSchema.FromJsonAsync(text, path, cancellationToken),
            };
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // NJsonSchema wraps why a $ref failed ("Could not resolve the JSON path ..."): the innermost reason is the useful one.
            var reason = e.GetBaseException() is { } inner && inner != e ? $"{e.Message} ({inner.Message})" : e.Message;
            throw new ConfigurationException(Key, $"the schema \"{reference.Id}\" is not a valid JSON Schema: {reason}");
        }

        return new IdentitySchema(reference.Id, reference.Url, document, compiled, TraitFieldParser.Parse(document));
    }

    private static async Task<(string Text, string? DocumentPath)> ReadAsync(IdentitySchemaReference reference, CancellationToken cancellationToken)
    {
        var url = reference.Url;
        if (url == DefaultIdentitySchema.Url)
        {
            return (DefaultIdentitySchema.Json, null);
        }

        if (url.StartsWith("base64://", StringComparison.Ordinal))
        {
            var decoded = Hashing.PhcString.DecodeBase64(url["base64://".Length..])
                ?? throw new ConfigurationException(Key, $"the schema \"{reference.Id}\" has an invalid base64:// URL");
            return (Encoding.UTF8.GetString(decoded), null);
        }

        if (url.StartsWith("file://", StringComparison.Ordinal) || !url.Contains("://", StringComparison.Ordinal))
        {
            var path = url.StartsWith("file://", StringComparison.Ordinal) ? Uri.UnescapeDataString(url["file://".Length..]) : url;
            if (!File.Exists(path))
            {
                throw new ConfigurationException(Key, $"the schema file for \"{reference.Id}\" does not exist: {Path.GetFullPath(path)}. "
                    + "Create it, or point the schema's url at an existing file (file:///absolute/path.json), in the configuration file or in the environment as "
                    + $"IDENTITY_SCHEMAS='[{{\"id\":\"{reference.Id}\",\"url\":\"file:///path/to/identity.schema.json\"}}]'");
            }

            return (await File.ReadAllTextAsync(path, cancellationToken), Path.GetFullPath(path));
        }

        if (url.StartsWith("http://", StringComparison.Ordinal) || url.StartsWith("https://", StringComparison.Ordinal))
        {
            try
            {
                return (await Http.GetStringAsync(new Uri(url), cancellationToken), null);
            }
            catch (HttpRequestException e)
            {
                throw new ConfigurationException(Key, $"cannot fetch the schema \"{reference.Id}\" from {url}: {e.Message}");
            }
        }

        throw new ConfigurationException(Key, $"the schema \"{reference.Id}\" has an unsupported URL (use file://, base64:// or https://)");
    }
}
