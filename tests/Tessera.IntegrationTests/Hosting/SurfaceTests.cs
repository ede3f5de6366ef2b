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
    public void EveryAdminOnlyEndpoint_ButHealthVersionAndTheErrorRedirect_RequiresAnAdminKeyOrAConsoleSession_AndNoOtherDoes()
    {
        var endpoints = fixture.Server.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();

        // The exceptions are Kratos's admin copies of the open health and version answers, the error redirect, and the
        // console's sign-in form (console pages demand a console session, opened with an admin key).
        endpoints.Where(e => e.Metadata.GetMetadata<SurfaceMetadata>()?.Surfaces == Surface.Admin)
            .Where(e => e.Metadata.GetMetadata<AdminKeyRequiredMetadata>() is null)
            .Where(e => e.Metadata.GetMetadata<Tessera.OperatorConsole.ConsoleSessionRequiredMetadata>() is null)
            .Select(e => e.RoutePattern.RawText).Distinct().ShouldBe(
                ["/admin/health/alive", "/admin/health/ready", "/admin/version", "/admin/self-service/errors", "/console/sign-in"], ignoreOrder: true);
        endpoints.Where(e => e.Metadata.GetMetadata<Tessera.OperatorConsole.ConsoleSessionRequiredMetadata>() is not null)
            .Where(e => e.Metadata.GetMetadata<SurfaceMetadata>()?.Surfaces != Surface.Admin)
            .Select(e => e.RoutePattern.RawText).ShouldBeEmpty();
        endpoints.Where(e => e.Metadata.GetMetadata<SurfaceMetadata>()?.Surfaces != Surface.Admin)
            .Where(e => e.Metadata.GetMetadata<AdminKeyRequiredMetadata>() is not null)
            .Select(e => e.RoutePattern.RawText).ShouldBeEmpty();
    }
}
