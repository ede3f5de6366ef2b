// SPDX-License-Identifier: Apache-2.0
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Tessera.IntegrationTests.Fixtures;

namespace Tessera.IntegrationTests.SelfService.Hooks;

/// <summary>Login's <c>revoke_active_sessions</c> hook: a new login ends the identity's other sessions.</summary>
public abstract class LoginHookTests(ServerFixture fixture)
{
    private const string Password = "a long enough passphrase 42";

    [Fact]
    public async Task RevokeActiveSessions_NewLoginEndsTheOtherSessions()
    {
        var server = fixture.Server;
        var email = RegistrationHookTests.NewEmail();
        var (_, registered) = await RegistrationHookTests.RegisterAsync(server, email);
        registered.StatusCode.ShouldBe(HttpStatusCode.OK);

        var first = await LoginAsync(server, email);
        var second = await LoginAsync(server, email);

        (await WhoamiAsync(server, first)).ShouldBe(HttpStatusCode.Unauthorized);
        (await WhoamiAsync(server, second)).ShouldBe(HttpStatusCode.OK);
    }

    private static async Task<string> LoginAsync(TesseraTestServer server, string email)
    {
        using var created = await server.Public.GetAsync("/self-service/login/api");
        using var flow = JsonDocument.Parse(await created.Content.ReadAsStringAsync());
        using var response = await server.Public.PostAsJsonAsync($"/self-service/login?flow={flow.RootElement.GetProperty("id").GetString()}",
            new { method = "password", identifier = email, password = Password });
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("session_token").GetString()!;
    }

    private static async Task<HttpStatusCode> WhoamiAsync(TesseraTestServer server, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/sessions/whoami");
        request.Headers.Add("X-Session-Token", token);
        using var response = await server.Public.SendAsync(request);
        return response.StatusCode;
    }
}

public abstract class RevokingLoginServer(DatabaseKind kind) : ServerFixture(kind)
{
    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["cookies.secure"] = "false",
        ["selfservice.flows.login.after.hooks"] = """[{"hook":"revoke_active_sessions"}]""",
    };
}

public sealed class SqliteRevokingLoginServer() : RevokingLoginServer(DatabaseKind.Sqlite);

public sealed class PostgresRevokingLoginServer() : RevokingLoginServer(DatabaseKind.Postgres);

public sealed class SqliteLoginHookTests(SqliteRevokingLoginServer fixture) : LoginHookTests(fixture), IClassFixture<SqliteRevokingLoginServer>;

public sealed class PostgresLoginHookTests(PostgresRevokingLoginServer fixture) : LoginHookTests(fixture), IClassFixture<PostgresRevokingLoginServer>;
