// SPDX-License-Identifier: Apache-2.0
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Tessera.IntegrationTests.Fixtures;
using Tessera.Persistence;

namespace Tessera.IntegrationTests.Errors;

/// <summary>
/// Issue 22, "the catalog is alive": errors that reach the client as a flow message (a disabled account's sign-in,
/// 4010011) count as their catalog entry, and the generic 500 of a real fault (the running server's database lost its
/// identities table) is <c>internal_server_error</c> and reveals nothing of the fault.
/// </summary>
public abstract class CountedErrorTests(ServerFixture fixture)
{
    private const string Password = "a long enough passphrase 42";

    private TesseraTestServer Server => fixture.Server;

    [Fact]
    public async Task SignInToADisabledAccount_Answers4010011_AndCountsAsIdentityDisabled()
    {
        var email = $"disabled-{Guid.NewGuid():N}@example.com";
        var id = await TestIdentities.CreateAsync(Server, email, Password);
        using (var disable = await Server.Admin.PatchAsync($"/admin/identities/{id}",
                   new StringContent("""[{"op":"replace","path":"/state","value":"inactive"}]""", Encoding.UTF8, "application/json")))
        {
            disable.StatusCode.ShouldBe(HttpStatusCode.OK, await disable.Content.ReadAsStringAsync());
        }

        using var created = await Server.Public.GetAsync("/self-service/login/api");
        using var flow = JsonDocument.Parse(await created.Content.ReadAsStringAsync());
        using var response = await Server.Public.PostAsJsonAsync($"/self-service/login?flow={flow.RootElement.GetProperty("id").GetString()}",
            new { method = "password", identifier = email, password = Password });

        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, body);
        using var answer = JsonDocument.Parse(body);
        FlowJson.MessageIds(answer.RootElement).ShouldBe([4010011]);
        EmittedIds.UiMessageIds.ShouldContain(4010011);
        EmittedIds.ErrorIds.ShouldContain("identity_disabled");
    }

    [Fact]
    public async Task TableDroppedUnderTheServer_Answers500InternalServerError_RevealingNothing()
    {
        await using var server = await TesseraTestServer.StartAsync(fixture.Kind);
        await using (var connection = await server.Services.GetRequiredService<Database>().OpenAsync())
        {
            await connection.ExecuteAsync(fixture.Kind == DatabaseKind.Sqlite ? "DROP TABLE identities" : "DROP TABLE identities CASCADE");
        }

        using var request = new HttpRequestMessage(HttpMethod.Get, "/admin/identities");
        request.Headers.Accept.ParseAdd("application/json");
        using var response = await server.Admin.SendAsync(request);

        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.InternalServerError, body);
        response.Headers.GetValues("Ory-Error-Id").ShouldBe(["internal_server_error"]);
        using var json = JsonDocument.Parse(body);
        var error = json.RootElement.GetProperty("error");
        error.GetProperty("id").GetString().ShouldBe("internal_server_error");
        error.GetProperty("code").GetInt32().ShouldBe(500);
        foreach (var secret in new[] { "Sqlite", "Npgsql", "Exception", "does not exist", "no such table", "relation", " at Tessera", "SELECT" })
        {
            body.ShouldNotContain(secret, Case.Insensitive);
        }

        EmittedIds.ErrorIds.ShouldContain("internal_server_error");
    }
}

public sealed class SqliteCountedErrorTests(SqliteServer fixture) : CountedErrorTests(fixture), IClassFixture<SqliteServer>;

public sealed class PostgresCountedErrorTests(PostgresServer fixture) : CountedErrorTests(fixture), IClassFixture<PostgresServer>;
