// SPDX-License-Identifier: Apache-2.0
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Tessera.Hosting;
using Tessera.IntegrationTests.Fixtures;
using Tessera.Security.ApiKeys;

namespace Tessera.IntegrationTests.Hosting;

public sealed class SurfaceTests(SqliteServer fixture) : IClassFixture<SqliteServer>
{
    [Fact]
    public void EveryEndpoint_DeclaresItsListener()
    {
        var endpoints = fixture.Server.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();

        endpoints.ShouldNotBeEmpty();
        endpoints.Where(e => e.Metadata.GetMetadata<SurfaceMetadata>() is null)
            .Select(e => e.RoutePattern.RawText).ShouldBeEmpty();
    }

    [Fact]
    public void EveryAdminOnlyEndpoint_ButHealthVersionAndTheErrorRedirect_RequiresAnAdminKey_AndNoOtherDoes()
    {
        var endpoints = fixture.Server.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();

        // The exceptions are Kratos's admin copies of the open health and version answers and the error redirect.
        endpoints.Where(e => e.Metadata.GetMetadata<SurfaceMetadata>()?.Surfaces == Surface.Admin)
            .Where(e => e.Metadata.GetMetadata<AdminKeyRequiredMetadata>() is null)
            .Select(e => e.RoutePattern.RawText).ShouldBe(
                ["/admin/health/alive", "/admin/health/ready", "/admin/version", "/admin/self-service/errors"], ignoreOrder: true);
        endpoints.Where(e => e.Metadata.GetMetadata<SurfaceMetadata>()?.Surfaces != Surface.Admin)
            .Where(e => e.Metadata.GetMetadata<AdminKeyRequiredMetadata>() is not null)
            .Select(e => e.RoutePattern.RawText).ShouldBeEmpty();
    }
}
