// SPDX-License-Identifier: Apache-2.0
using System.Text.Json.Nodes;
using Tessera.IntegrationTests.Fixtures;

namespace Tessera.IntegrationTests.Cli;

/// <summary><c>tessera clients create|list|get|delete</c> on the database, and <c>tessera token client</c> against a running server.</summary>
public sealed class ClientsCliTests
{
    [Fact]
    public async Task Clients_CreateListGetDelete_AndTokenClient_PrintsAnAccessToken()
    {
        var dsn = await TestDatabases.CreateAsync(DatabaseKind.Sqlite);
        var env = new Dictionary<string, string> { ["DSN"] = dsn };
        (await TesseraProcess.RunAsync(["migrate", "sql", "-e", "--yes"], env)).ExitCode.ShouldBe(0);

        var (createExit, created, createNote) = await TesseraProcess.RunAsync(
            ["clients", "create", "--name", "nightly job", "--grant-type", "client_credentials", "--scope", "read", "--scope", "write"], env);
        createExit.ShouldBe(0, createNote);
        var client = JsonNode.Parse(created)!.AsObject();
        var (id, secret) = (client["client_id"]!.ToString(), client["client_secret"]!.ToString());
        client["scope"]!.ToString().ShouldBe("read write");
        createNote.ShouldContain("shown only now");

        var (_, listed, _) = await TesseraProcess.RunAsync(["clients", "list"], env);
        var (getExit, got, _) = await TesseraProcess.RunAsync(["clients", "get", id], env);
        listed.ShouldContain($"{id}\tnightly job\tclient_credentials\tclient_secret_basic");
        getExit.ShouldBe(0);
        JsonNode.Parse(got)!["client_id"]!.ToString().ShouldBe(id);
        got.ShouldNotContain(secret);

        await using (var server = await TesseraTestServer.StartAsync(DatabaseKind.Sqlite, dsn: dsn))
        {
            var endpoint = server.PublicUrl.AbsoluteUri;
            var (tokenExit, token, tokenErrors) = await TesseraProcess.RunAsync(
                ["token", "client", "--client-id", id, "--scope", "read", "--endpoint", endpoint],
                new Dictionary<string, string>(env) { ["TESSERA_CLIENT_SECRET"] = secret });
            var (jsonExit, json, _) = await TesseraProcess.RunAsync(
                ["token", "client", "--client-id", id, "--client-secret", secret, "--auth-method", "client_secret_post", "--format", "json", "--endpoint", endpoint], env);
            var (wrongExit, wrongOut, wrongErrors) = await TesseraProcess.RunAsync(
                ["token", "client", "--client-id", id, "--client-secret", secret + "x", "--endpoint", endpoint], env);

            tokenExit.ShouldBe(0, tokenErrors);
            token.Trim().ShouldStartWith("tsr_at_");
            token.Trim().ShouldNotContain('\n');
            jsonExit.ShouldBe(1, "the client is registered for client_secret_basic");
            json.Trim().ShouldBeEmpty();
            wrongExit.ShouldBe(1);
            wrongOut.Trim().ShouldBeEmpty();
            wrongErrors.Trim().ShouldStartWith("tessera: the token endpoint answered 401 invalid_client");
        }

        var (deleteExit, deleted, _) = await TesseraProcess.RunAsync(["clients", "delete", id], env);
        var (getAgainExit, _, getAgainErrors) = await TesseraProcess.RunAsync(["clients", "get", id], env);
        deleteExit.ShouldBe(0);
        deleted.Trim().ShouldBe($"deleted\t{id}");
        getAgainExit.ShouldBe(1);
        getAgainErrors.Trim().ShouldBe($"tessera: no OAuth2 client with id {id}");
    }

    [Fact]
    public async Task ClientsCreate_WithAFileAndFlags_FlagsWin_AndInvalidMetadataExits1()
    {
        var dsn = await TestDatabases.CreateAsync(DatabaseKind.Sqlite);
        var env = new Dictionary<string, string> { ["DSN"] = dsn };
        (await TesseraProcess.RunAsync(["migrate", "sql", "-e", "--yes"], env)).ExitCode.ShouldBe(0);
        var file = Path.Combine(Directory.CreateTempSubdirectory("tessera-cli-").FullName, "client.json");
        await File.WriteAllTextAsync(file, """{"client_name": "from file", "grant_types": ["client_credentials"], "token_endpoint_auth_method": "client_secret_post", "access_token_strategy": "opaque"}""");

        var (exit, created, errors) = await TesseraProcess.RunAsync(["clients", "create", "--file", file, "--access-token-strategy", "jwt"], env);
        var (badExit, _, badErrors) = await TesseraProcess.RunAsync(["clients", "create", "--grant-type", "password-please"], env);

        exit.ShouldBe(0, errors);
        var client = JsonNode.Parse(created)!;
        client["client_name"]!.ToString().ShouldBe("from file");
        client["token_endpoint_auth_method"]!.ToString().ShouldBe("client_secret_post");
        client["access_token_strategy"]!.ToString().ShouldBe("jwt");
        badExit.ShouldBe(1);
        badErrors.Trim().Split('\n').ShouldHaveSingleItem().ShouldStartWith("tessera: ");
    }
}
