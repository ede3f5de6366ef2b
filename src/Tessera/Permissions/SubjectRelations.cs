// SPDX-License-Identifier: Apache-2.0
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Tessera.Permissions.Tuples;

namespace Tessera.Permissions;

/// <summary>
/// The relation tuples whose subject id is an identity's id, for <c>GET /sessions/whoami?include_relations=true</c>:
/// the session JSON gains <c>relation_tuples</c> (Keto's relationship objects, at most <see cref="MaxListed"/>).
/// Whoami without the parameter never comes here, so its cached hot path is unchanged.
/// </summary>
internal sealed class SubjectRelations(RelationTupleStore store, IOptions<JsonOptions> json)
{
    public const string QueryParameter = "include_relations";
    public const int MaxListed = 1000;

    public static bool Requested(HttpRequest request) =>
        request.QueryString.HasValue && string.Equals(request.Query[QueryParameter], "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>The session body with the identity's relation tuples added.</summary>
    public async Task<byte[]> AppendAsync(byte[] sessionBody, Guid identityId, CancellationToken cancellationToken = default)
    {
        var rows = await store.ListAsync(new RelationQuery(null, null, null, identityId.ToString("D"), null), null, MaxListed, cancellationToken);
        var session = JsonNode.Parse(sessionBody)!.AsObject();
        session["relation_tuples"] = JsonSerializer.SerializeToNode(rows.Select(r => r.ToTuple()).ToList(), json.Value.SerializerOptions);
        return JsonSerializer.SerializeToUtf8Bytes(session, json.Value.SerializerOptions);
    }
}
