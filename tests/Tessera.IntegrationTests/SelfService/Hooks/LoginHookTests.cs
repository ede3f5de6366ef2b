// SPDX-License-Identifier: Apache-2.0
using System.Net;
using Tessera.IntegrationTests.Fixtures;
using static Tessera.IntegrationTests.Fixtures.ApiSessions;

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

        var first = await LoginAsync(server, email, Password);
        var second = await LoginAsync(server, email, Password);

        (await WhoamiAsync(server, first)).ShouldBe(HttpStatusCode.Unauthorized);
        (await WhoamiAsync(server, second)).ShouldBe(HttpStatusCode.OK);
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
