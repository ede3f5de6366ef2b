// SPDX-License-Identifier: Apache-2.0
using System.Text.Json.Nodes;

namespace Tessera.Identities.Admin;

/// <summary>
/// The document a JSON Patch applies to: the identity as the admin API shows it (credentials without their
/// configuration), so <c>/traits/email</c>, <c>/state</c>, <c>/metadata_public</c> mean what they mean in the
/// response, and <c>add /credentials/password/config/password</c> sets a new password.
/// </summary>
internal static class IdentityPatchDocument
{
    public static JsonObject From(Identity identity)
    {
        var credentials = new JsonObject();
        foreach (var credential in identity.Credentials.Values)
        {
            credentials[credential.Type] = new JsonObject
            {
                ["type"] = credential.Type,
                ["identifiers"] = new JsonArray(credential.Identifiers.Select(i => (JsonNode?)JsonValue.Create(i)).ToArray()),
                ["config"] = new JsonObject(),
            };
        }

        return new JsonObject
        {
            ["id"] = identity.Id.ToString(),
            ["schema_id"] = identity.SchemaId,
            ["state"] = identity.State,
            ["traits"] = identity.Traits.DeepClone(),
            ["metadata_public"] = identity.MetadataPublic?.DeepClone(),
            ["metadata_admin"] = identity.MetadataAdmin?.DeepClone(),
            ["external_id"] = identity.ExternalId,
            ["credentials"] = credentials,
            ["verifiable_addresses"] = System.Text.Json.JsonSerializer.SerializeToNode(identity.VerifiableAddresses, AddressJson.Options),
            ["recovery_addresses"] = System.Text.Json.JsonSerializer.SerializeToNode(identity.RecoveryAddresses, AddressJson.Options),
        };
    }
}
