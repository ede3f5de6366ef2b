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
    public void EveryAdminOnlyEndpoint_RequiresAnAdminKey_AndNoOtherDoes()
    {
        var endpoints = fixture.Server.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();

        endpoints.Where(e => e.Metadata.GetMetadata<SurfaceMetadata>()?.Surfaces == Surface.Admin)
            .Where(e => e.Metadata.GetMetadata<AdminKeyRequiredMetadata>() is null)
            .Select(e => e.RoutePattern.RawText).ShouldBeEmpty();
        endpoints.Where(e => e.Metadata.GetMetadata<SurfaceMetadata>()?.Surfaces != Surface.Admin)
            .Where(e => e.Metadata.GetMetadata<AdminKeyRequiredMetadata>() is not null)
            .Select(e => e.RoutePattern.RawText).ShouldBeEmpty();
    }
}
