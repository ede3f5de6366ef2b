// SPDX-License-Identifier: Apache-2.0
using System.Text.Json.Nodes;

namespace Tessera.SelfService.Hooks;

/// <summary>
/// <c>{"identity": {"traits", "metadata_public", "metadata_admin"}}</c> from a parsed 2xx answer: each member that
/// is present replaces the identity's value (Kratos's behaviour), before the identity is stored.
/// </summary>
internal sealed record IdentityPatch(JsonObject? Traits, JsonNode? MetadataPublic, bool HasMetadataPublic, JsonNode? MetadataAdmin, bool HasMetadataAdmin)
{
    public void ApplyTo(Identities.Identity identity)
    {
        if (Traits is not null)
        {
            identity.Traits = (JsonObject)Traits.DeepClone();
        }

        if (HasMetadataPublic)
        {
            identity.MetadataPublic = MetadataPublic?.DeepClone();
        }

        if (HasMetadataAdmin)
        {
            identity.MetadataAdmin = MetadataAdmin?.DeepClone();
        }
    }
}
