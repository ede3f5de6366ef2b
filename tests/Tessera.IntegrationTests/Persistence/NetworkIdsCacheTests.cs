// SPDX-License-Identifier: Apache-2.0
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Tessera.IntegrationTests.Fixtures;
using Tessera.IntegrationTests.Projects;
using Tessera.Persistence;

namespace Tessera.IntegrationTests.Persistence;

/// <summary>
/// The courier's list of projects (<see cref="NetworkContext.ListCachedIdsAsync"/>) is read from <c>networks</c> at most
/// every <see cref="NetworkContext.IdsCacheLifetime"/>: a project another node created is picked up within it, one this
/// node created at once.
/// </summary>
public sealed class NetworkIdsCacheTests
{
    [Fact]
    public async Task ProjectCreatedByAnotherNode_IsListedWithinTheCacheLifetime_AndOneCreatedHereAtOnce()
    {
        await using var server = await TesseraTestServer.StartAsync(DatabaseKind.Sqlite, ProjectHosts.Settings());
        var network = server.Services.GetRequiredService<NetworkContext>();
        var before = await network.ListCachedIdsAsync();

        var elsewhere = Guid.NewGuid();
        await using (var connection = await server.Services.GetRequiredService<Database>().OpenAsync())
        {
            // As another node's ProjectStore would: this node's cache is not told.
            await connection.ExecuteAsync("INSERT INTO networks (id, name, created_at, updated_at) VALUES (@Id, @Name, @Now, @Now)",
                new { Id = elsewhere, Name = $"elsewhere-{elsewhere:N}", Now = server.Clock.GetUtcNow() });
        }

        var cached = await network.ListCachedIdsAsync();
        server.Clock.Advance(NetworkContext.IdsCacheLifetime);
        var expired = await network.ListCachedIdsAsync();
        var (here, _) = await ProjectHosts.CreateProjectAsync(server);
        var afterCreate = await network.ListCachedIdsAsync();

        cached.ShouldBe(before);
        expired.ShouldContain(elsewhere);
        afterCreate.ShouldContain(here);
    }
}
