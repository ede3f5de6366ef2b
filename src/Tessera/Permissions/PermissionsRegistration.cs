// SPDX-License-Identifier: Apache-2.0
using Tessera.Configuration;
using Tessera.Hosting.QueryParameters;
using Tessera.Permissions.Checks;
using Tessera.Permissions.Namespaces;
using Tessera.Permissions.Tuples;

namespace Tessera.Permissions;

internal static class PermissionsRegistration
{
    /// <summary>Keto's relationship store and check engine, from <c>permissions.*</c> (see <see cref="PermissionsOptions"/>).</summary>
    public static IServiceCollection AddPermissions(this IServiceCollection services, ConfigurationTree config)
    {
        services.AddSingleton(PermissionsOptions.Bind(config));
        services.AddSingleton<RelationTupleParser>();
        services.AddSingleton<RelationTupleStore>();
        services.AddSingleton<CheckCache>();
        services.AddSingleton<CheckEngine>();
        services.AddSingleton<ExpandEngine>();
        services.AddSingleton<SubjectRelations>();
        return services;
    }

    /// <summary>
    /// Keto's write API on the admin listener, its read API on the public one. Keto reads its query parameters itself,
    /// an empty one included, so the Kratos rule that an empty parameter is an absent one does not apply here.
    /// </summary>
    public static IEndpointRouteBuilder MapPermissionEndpoints(this IEndpointRouteBuilder endpoints) => endpoints
        .MapGroup(string.Empty).WithMetadata(KeepEmptyQueryParametersMetadata.Instance)
        .MapRelationTupleEndpoints()
        .MapCheckEndpoints()
        .MapNamespaceEndpoints();
}
