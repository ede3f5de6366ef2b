// SPDX-License-Identifier: Apache-2.0
using System.Text.Json.Nodes;
using Tessera.Identities;

namespace Tessera.SelfService.Methods.Code;

/// <summary>
/// The addresses an identity receives sign-in codes at: its <c>code</c> credential's <c>config.addresses</c>
/// (<c>{channel, address}</c>, derived from the schema's <c>credentials.code.identifier</c> traits by
/// <see cref="IdentityCredentialsBuilder"/>).
/// </summary>
internal static class CodeAddressBook
{
    public static IReadOnlyList<(string Channel, string Address)> Of(Identity identity)
    {
        if (!identity.Credentials.TryGetValue(CredentialTypes.Code, out var credential) || credential.Config["addresses"] is not JsonArray list)
        {
            return [];
        }

        return list.OfType<JsonObject>()
            .Select(a => (Channel: a["channel"]?.GetValue<string>() ?? CodeCourier.Email, Address: a["address"]?.GetValue<string>() ?? string.Empty))
            .Where(a => a.Address.Length > 0)
            .ToList();
    }

    /// <summary>The channel of <paramref name="address"/> (normalised) among the identity's code addresses, or null when it is not one of them.</summary>
    public static string? ChannelOf(Identity identity, string address)
    {
        var normalized = IdentifierNormalizer.Normalize(address);
        return Of(identity).Where(a => a.Address == normalized).Select(a => a.Channel).FirstOrDefault();
    }
}
