// SPDX-License-Identifier: Apache-2.0
using System.Text.Json.Nodes;
using Tessera.Configuration;

namespace Tessera.Identities.Schemas;

/// <summary>
/// <c>identity.schemas</c> and <c>identity.default_schema_id</c>. Without any schema configured, Tessera uses its
/// built-in one (e-mail + password, optional name) under the id <c>default</c>, so zero configuration works.
/// </summary>
internal sealed record IdentityOptions(IReadOnlyList<IdentitySchemaReference> Schemas, string DefaultSchemaId)
{
    public static IdentityOptions Bind(ConfigurationTree config)
    {
        var schemas = new List<IdentitySchemaReference>();
        switch (config.GetNode("identity.schemas"))
        {
            case null:
                schemas.Add(new IdentitySchemaReference(DefaultIdentitySchema.Id, DefaultIdentitySchema.Url));
                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    var id = (item as JsonObject)?["id"]?.ToString();
                    var url = (item as JsonObject)?["url"]?.ToString();
                    if (string.IsNullOrWhiteSpace(id) || string.IsNullOrWhiteSpace(url))
                    {
                        throw new ConfigurationException("identity.schemas", "every schema needs an id and a url");
                    }

                    if (schemas.Any(s => s.Id == id))
                    {
                        throw new ConfigurationException("identity.schemas", $"the schema id \"{id}\" is listed twice");
                    }

                    schemas.Add(new IdentitySchemaReference(id, url));
                }

                break;
            default:
                throw new ConfigurationException("identity.schemas", "expected a list of {id, url}");
        }

        if (schemas.Count == 0)
        {
            throw new ConfigurationException("identity.schemas", "needs at least one schema");
        }

        var defaultId = config.GetString("identity.default_schema_id", schemas.Count == 1 ? schemas[0].Id : "default")!;
        if (schemas.All(s => s.Id != defaultId))
        {
            throw new ConfigurationException("identity.default_schema_id", $"\"{defaultId}\" is not the id of a schema in identity.schemas");
        }

        return new IdentityOptions(schemas, defaultId);
    }
}
