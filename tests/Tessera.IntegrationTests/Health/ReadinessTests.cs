// SPDX-License-Identifier: Apache-2.0
using System.Net;
using System.Text.Json;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Tessera.IntegrationTests.Fixtures;
using Tessera.Persistence;

namespace Tessera.IntegrationTests.Health;

public sealed class ReadinessTests
{
    [Fact]
    public async Task Ready_WhenAMigrationIsMissing_Answers503StorageNotMigrated()
    {
        await using var server = await TesseraTestServer.StartAsync(DatabaseKind.Sqlite);
        var database = server.Services.GetRequiredService<Database>();
        await using (var connection = await database.OpenAsync())
        {
            await connection.ExecuteAsync("DELETE FROM schema_migrations WHERE version = (SELECT MAX(version) FROM schema_migrations)");
        }

        using var response = await server.Admin.GetAsync("/health/ready");

        response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        response.Headers.GetValues("Ory-Error-Id").ShouldBe(["storage_not_migrated"]);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        body.RootElement.GetProperty("error").GetProperty("code").GetInt32().ShouldBe(503);
        body.RootElement.GetProperty("error").GetProperty("details").GetProperty("pending_migrations").GetInt32().ShouldBe(1);
    }

    [Fact]
    public async Task Ready_WhenTheDatabaseIsGone_Answers503StorageUnavailable()
    {
        await using var server = await TesseraTestServer.StartAsync(DatabaseKind.Postgres);
        var name = new Npgsql.NpgsqlConnectionStringBuilder(Dsn.Parse(server.Dsn).ConnectionString).Database!;
        var cluster = await PostgresCluster.GetAsync();
        await using (var admin = new Npgsql.NpgsqlConnection($"Host=127.0.0.1;Port={cluster.Port};Username=postgres;Database=postgres;Pooling=false"))
        {
            await admin.ExecuteAsync($"DROP DATABASE {name} WITH (FORCE)");
        }

        using var response = await server.Public.GetAsync("/health/ready");

        response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        response.Headers.GetValues("Ory-Error-Id").ShouldBe(["storage_unavailable"]);
        (await response.Content.ReadAsStringAsync()).ShouldNotContain(name);
    }
}
