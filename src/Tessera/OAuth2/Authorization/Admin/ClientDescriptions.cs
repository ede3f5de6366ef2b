// SPDX-License-Identifier: Apache-2.0
using System.Text.Json.Nodes;
using Tessera.OAuth2.Clients;

namespace Tessera.OAuth2.Authorization.Admin;

/// <summary>
/// The <c>client</c> member of login, consent and logout requests (Hydra's <c>oAuth2Client</c>: the client as the admin
/// API shows it, never its secret), and what the consent pages show of a client.
/// </summary>
internal sealed class ClientDescriptions(ClientStore store)
{
    /// <summary>The registered client as <c>GET /admin/clients/{id}</c> answers it; only the id for a client deleted meanwhile.</summary>
    public async Task<JsonObject> DescribeAsync(string clientId, CancellationToken cancellationToken = default) =>
        await store.FindAsync(clientId, cancellationToken) is { } client
            ? client.ToResponse()
            : new JsonObject { ["client_id"] = clientId };

    /// <summary>The name to show users: the client's <c>client_name</c>, else its id.</summary>
    public async Task<string> NameAsync(string clientId, CancellationToken cancellationToken = default) =>
        (await store.FindAsync(clientId, cancellationToken))?.Document["client_name"] is JsonValue name
            && name.TryGetValue<string>(out var text) && !string.IsNullOrWhiteSpace(text)
            ? text
            : clientId;

    /// <summary>The client's registered redirect URIs: where an answered consent sends the browser.</summary>
    public async Task<IReadOnlyList<string>> RedirectUrisAsync(string clientId, CancellationToken cancellationToken = default) =>
        (await store.FindAsync(clientId, cancellationToken))?.RedirectUris ?? [];
}
