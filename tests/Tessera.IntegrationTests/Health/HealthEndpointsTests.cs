// SPDX-License-Identifier: Apache-2.0
using System.Net;
using System.Text.Json;
using Tessera.IntegrationTests.Fixtures;

namespace Tessera.IntegrationTests.Health;

public abstract class HealthEndpointsTests(ServerFixture fixture)
{
    private TesseraTestServer Server => fixture.Server;

    [Theory]
    [InlineData("/health/alive")]
    [InlineData("/health/ready")]
    public async Task Probe_OnBothListeners_Answers200Ok(string path)
    {
        foreach (var client in new[] { Server.Public, Server.Admin })
        {
            using var response = await client.GetAsync(path);

            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            body.RootElement.GetProperty("status").GetString().ShouldBe("ok");
        }
    }

    [Fact]
    public async Task Version_OnBothListeners_ReportsTheBuildVersion()
    {
        foreach (var client in new[] { Server.Public, Server.Admin })
        {
            using var response = await client.GetAsync("/version");

            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            body.RootElement.GetProperty("version").GetString()!.ShouldMatch(@"^\d+\.\d+\.\d+");
        }
    }

    [Theory]
    [InlineData("/admin/health/alive", "status", "^ok$")]
    [InlineData("/admin/health/ready", "status", "^ok$")]
    [InlineData("/admin/version", "version", null)]
    public async Task AdminCopies_OnTheAdminListenerOnly_AnswerAsKratos(string path, string property, string? value)
    {
        using var admin = await Server.Admin.GetAsync(path);
        using var onPublic = await Server.Public.GetAsync(path);

        admin.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var body = JsonDocument.Parse(await admin.Content.ReadAsStringAsync());
        body.RootElement.EnumerateObject().Select(p => p.Name).ShouldBe([property]);
        body.RootElement.GetProperty(property).GetString()!.ShouldMatch(value ?? @"^\d+\.\d+\.\d+");
        onPublic.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}

public sealed class SqliteHealthEndpointsTests(SqliteServer fixture) : HealthEndpointsTests(fixture), IClassFixture<SqliteServer>;

public sealed class PostgresHealthEndpointsTests(PostgresServer fixture) : HealthEndpointsTests(fixture), IClassFixture<PostgresServer>;
