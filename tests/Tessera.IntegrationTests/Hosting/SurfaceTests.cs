// SPDX-License-Identifier: Apache-2.0
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Tessera.Hosting;
using Tessera.IntegrationTests.Fixtures;

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
}
