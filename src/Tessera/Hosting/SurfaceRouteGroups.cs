// SPDX-License-Identifier: Apache-2.0
using Tessera.Security.ApiKeys;

namespace Tessera.Hosting;

/// <summary>
/// Every endpoint is mapped inside one of these groups, so none can forget which listener it belongs to; an
/// endpoint outside them answers on neither (fail closed).
/// </summary>
internal static class SurfaceRouteGroups
{
    public static RouteGroupBuilder MapPublicApi(this IEndpointRouteBuilder endpoints) => Group(endpoints, Surface.Public);

    /// <summary>
    /// Admin-only endpoints, each demanding an admin API key when <c>serve.admin.auth</c> requires one: the group
    /// carries the requirement, so an endpoint added here later cannot forget it.
    /// </summary>
    public static RouteGroupBuilder MapAdminApi(this IEndpointRouteBuilder endpoints) =>
        Group(endpoints, Surface.Admin).WithMetadata(AdminKeyRequiredMetadata.Instance);

    /// <summary>
    /// Admin-only endpoints that stay open, as the same answers on both listeners do: Kratos's admin copies of health
    /// and version (<c>/admin/health/*</c>, <c>/admin/version</c>) and the error-container redirect.
    /// </summary>
    public static RouteGroupBuilder MapOpenAdminApi(this IEndpointRouteBuilder endpoints) => Group(endpoints, Surface.Admin);

    /// <summary>Endpoints both listeners serve, open on both: health, version, schemas, error containers.</summary>
    public static RouteGroupBuilder MapBothApis(this IEndpointRouteBuilder endpoints) => Group(endpoints, Surface.Both);

    private static RouteGroupBuilder Group(IEndpointRouteBuilder endpoints, Surface surface)
    {
        var group = endpoints.MapGroup(string.Empty);
        group.WithMetadata(new SurfaceMetadata(surface));
        return group;
    }
}
