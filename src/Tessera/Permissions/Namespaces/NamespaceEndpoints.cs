// SPDX-License-Identifier: Apache-2.0
using Microsoft.AspNetCore.Http.HttpResults;
using Tessera.Hosting;

namespace Tessera.Permissions.Namespaces;

/// <summary>GET /namespaces   listRelationshipNamespaces (public): the configured namespaces' names.</summary>
internal static class NamespaceEndpoints
{
    public static IEndpointRouteBuilder MapNamespaceEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPublicApi().MapGet("/namespaces", ListRelationshipNamespaces);
        return endpoints;
    }

    private static Ok<RelationshipNamespaces> ListRelationshipNamespaces(PermissionsOptions options) =>
        TypedResults.Ok(new RelationshipNamespaces(options.Namespaces.Values.OrderBy(n => n.Id).ThenBy(n => n.Name, StringComparer.Ordinal)
            .Select(n => new NamespaceName(n.Name)).ToList()));
}
