// SPDX-License-Identifier: Apache-2.0
using System.Text.Json.Nodes;

namespace Tessera.OAuth2.Clients;

/// <summary>A validated client document as the admin API received it, and the secret it chose (if any).</summary>
internal sealed record ClientDraft(JsonObject Document, string? ChosenSecret)
{
    public string ClientId => (string)Document["client_id"]!;

    public string AuthMethod => (string)Document["token_endpoint_auth_method"]!;
}
