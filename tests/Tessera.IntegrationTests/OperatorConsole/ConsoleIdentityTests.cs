// SPDX-License-Identifier: Apache-2.0
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Tessera.IntegrationTests.Fixtures;
using Tessera.Persistence;
using Tessera.Sessions;
using static Tessera.IntegrationTests.Fixtures.ApiSessions;

namespace Tessera.IntegrationTests.OperatorConsole;

/// <summary>The console's identities section over real HTTP: search, view, disable / enable, delete, recovery code.</summary>
public abstract class ConsoleIdentityTests(DatabaseKind kind)
{
    internal const string Password = "a-long-and-unguessable-passphrase-7";

    [Fact]
    public async Task Search_ByIdentifierPrefixAndTrait_FindsTheIdentity_AndNothingForAnUnknownOne()
    {
        await using var server = await TesseraTestServer.StartAsync(kind);
        var email = $"findme-{Guid.NewGuid():N}@example.com";
        var id = await TestIdentities.CreateAsync(server, email, Password);
        await TestIdentities.CreateAsync(server);
        using var console = await SignedInAsync(server);

        (await console.PageAsync($"/console/identities?identifier={Uri.EscapeDataString(email)}")).ShouldContain($"data-identity-id=\"{id}\"");
        var byPrefix = await console.PageAsync($"/console/identities?identifier={Uri.EscapeDataString(email[..14])}");
        byPrefix.ShouldContain($"data-identity-id=\"{id}\"");
        var byTrait = await console.PageAsync($"/console/identities?trait={Uri.EscapeDataString(email[..14].ToUpperInvariant())}");
        byTrait.ShouldContain($"data-identity-id=\"{id}\"");
        byTrait.Split("data-identity-id=").Length.ShouldBe(2);
        (await console.PageAsync("/console/identities?trait=nobody-has-this%25")).ShouldNotContain("data-identity-id=");
        (await console.PageAsync("/console/identities")).ShouldContain($"data-identity-id=\"{id}\"");
    }

    [Fact]
    public async Task View_ShowsCredentialTypesAndIdentifiers_ButNoSecret()
    {
        await using var server = await TesseraTestServer.StartAsync(kind);
        var email = $"view-{Guid.NewGuid():N}@example.com";
        var id = await TestIdentities.CreateAsync(server, email, Password);
        using var console = await SignedInAsync(server);

        var html = await console.PageAsync($"/console/identities/{id}");

        html.ShouldContain(email);
        html.ShouldContain("<td>password</td>");
        await using var connection = await server.Services.GetRequiredService<Database>().OpenAsync();
        var config = await connection.QuerySingleAsync<string>("SELECT config FROM identity_credentials WHERE identity_id = @Id AND type = 'password'", new { Id = id });
        var hash = JsonDocument.Parse(config).RootElement.GetProperty("hashed_password").GetString()!;
        html.ShouldNotContain(hash[..20]);
        html.ShouldNotContain("hashed_password");
        html.ShouldNotContain(Password);
    }

    [Fact]
    public async Task Disable_RevokesItsSessions_WhoamiAnswers401_AndEnableLetsItSignInAgain()
    {
        await using var server = await TesseraTestServer.StartAsync(kind);
        var email = $"disable-{Guid.NewGuid():N}@example.com";
        var id = await TestIdentities.CreateAsync(server, email, Password);
        var token = await LoginAsync(server, email, Password);
        (await WhoamiAsync(server, token)).ShouldBe(HttpStatusCode.OK);
        using var console = await SignedInAsync(server);

        using (var disabled = await console.SubmitAsync($"/console/identities/{id}/disable"))
        {
            disabled.StatusCode.ShouldBe(HttpStatusCode.SeeOther);
            disabled.Headers.Location!.OriginalString.ShouldBe($"/console/identities/{id}?done=disabled");
        }

        (await WhoamiAsync(server, token)).ShouldBe(HttpStatusCode.Unauthorized);
        var page = await console.PageAsync($"/console/identities/{id}?done=disabled");
        page.ShouldContain("data-state=\"inactive\"");
        var sessions = await server.Services.GetRequiredService<SessionStore>().ListAsync(new SessionListQuery(10, IdentityId: id));
        sessions.Items.ShouldAllBe(s => !s.Active);

        using (var enabled = await console.SubmitAsync($"/console/identities/{id}/enable"))
        {
            enabled.StatusCode.ShouldBe(HttpStatusCode.SeeOther);
        }

        (await console.PageAsync($"/console/identities/{id}")).ShouldContain("data-state=\"active\"");
        (await WhoamiAsync(server, token)).ShouldBe(HttpStatusCode.Unauthorized);
        (await WhoamiAsync(server, await LoginAsync(server, email, Password))).ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Delete_RemovesTheIdentity_AndAnUnknownIdAnswers404IdentityNotFound()
    {
        await using var server = await TesseraTestServer.StartAsync(kind);
        var id = await TestIdentities.CreateAsync(server);
        using var console = await SignedInAsync(server);

        using (var deleted = await console.SubmitAsync($"/console/identities/{id}/delete"))
        {
            deleted.StatusCode.ShouldBe(HttpStatusCode.SeeOther);
        }

        using var admin = await server.Admin.GetAsync($"/admin/identities/{id}");
        admin.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        using var page = await console.GetAsync($"/console/identities/{id}");
        page.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        ConsoleBrowser.ErrorIdOf(await page.Content.ReadAsStringAsync()).ShouldBe("identity_not_found");
    }

    [Fact]
    public async Task SendRecoveryCode_QueuesTheRecoveryCodeEmailToItsRecoveryAddress()
    {
        await using var server = await TesseraTestServer.StartAsync(kind, new Dictionary<string, string> { ["selfservice.flows.recovery.enabled"] = "true" });
        var email = $"recover-{Guid.NewGuid():N}@example.com";
        var id = await TestIdentities.CreateAsync(server, email);
        using var console = await SignedInAsync(server);

        using (var sent = await console.SubmitAsync($"/console/identities/{id}/recovery-code"))
        {
            sent.StatusCode.ShouldBe(HttpStatusCode.SeeOther);
        }

        (await console.PageAsync($"/console/identities/{id}?done=recovery_sent")).ShouldContain(email);
        await using var connection = await server.Services.GetRequiredService<Database>().OpenAsync();
        var templates = (await connection.QueryAsync<string>("SELECT template_type FROM courier_messages WHERE recipient = @Email", new { Email = email })).ToList();
        templates.ShouldBe(["recovery_code_valid"]);
    }

    [Fact]
    public async Task SendRecoveryCode_WithoutRecoveryAddress_ShowsIdentityRecoveryAddressMissing()
    {
        const string schema = """
            {"$schema":"http://json-schema.org/draft-07/schema#","type":"object",
             "properties":{"traits":{"type":"object","properties":{"username":{"type":"string",
               "ory.sh/kratos":{"credentials":{"password":{"identifier":true}}}}}}}}
            """;
        await using var server = await TesseraTestServer.StartAsync(kind, new Dictionary<string, string>
        {
            ["selfservice.flows.recovery.enabled"] = "true",
            ["identity.default_schema_id"] = "plain",
            ["identity.schemas"] = $$"""[{"id":"plain","url":"base64://{{Convert.ToBase64String(Encoding.UTF8.GetBytes(schema))}}"}]""",
        });
        using var created = await server.Admin.PostAsJsonAsync("/admin/identities", new { schema_id = "plain", traits = new { username = $"u{Guid.NewGuid():N}" } });
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var id = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetGuid();
        using var console = await SignedInAsync(server);

        using var response = await console.SubmitAsync($"/console/identities/{id}/recovery-code");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        ConsoleBrowser.ErrorIdOf(await response.Content.ReadAsStringAsync()).ShouldBe("identity_recovery_address_missing");
    }

    internal static async Task<ConsoleBrowser> SignedInAsync(TesseraTestServer server)
    {
        var console = new ConsoleBrowser(server);
        await console.SignInAsync(null);
        return console;
    }
}

public sealed class SqliteConsoleIdentityTests() : ConsoleIdentityTests(DatabaseKind.Sqlite);

public sealed class PostgresConsoleIdentityTests() : ConsoleIdentityTests(DatabaseKind.Postgres);
