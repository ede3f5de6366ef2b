// SPDX-License-Identifier: Apache-2.0
using System.Net;
using Tessera.IntegrationTests.Fixtures;
using static Tessera.IntegrationTests.OAuth2.OAuth2Calls;

namespace Tessera.IntegrationTests.OAuth2;

/// <summary>The client_credentials grant and client authentication at /oauth2/token, on each database.</summary>
public abstract class ClientCredentialsTests(ServerFixture fixture)
{
    private TesseraTestServer Server => fixture.Server;

    [Fact]
    public async Task Token_ClientSecretBasic_IssuesAnOpaqueAccessToken()
    {
        var client = await CreateServiceClientAsync(Server);

        var (status, body) = await SendAsync(Server.Public, TokenRequest(Form(("grant_type", "client_credentials"), ("scope", "read")), client));

        status.ShouldBe(HttpStatusCode.OK, body.ToJsonString());
        body["access_token"]!.ToString().ShouldStartWith("tsr_at_");
        body["token_type"]!.ToString().ShouldBe("bearer");
        body["scope"]!.ToString().ShouldBe("read");
        ((long)body["expires_in"]!).ShouldBe(3600);
        body.ContainsKey("refresh_token").ShouldBeFalse();
    }

    [Fact]
    public async Task Token_ClientSecretPost_ForAPostClient_IssuesAToken()
    {
        var client = await CreateServiceClientAsync(Server, "client_secret_post");

        var (status, body) = await SendAsync(Server.Public, TokenRequest(Form(
            ("grant_type", "client_credentials"), ("client_id", client.Id), ("client_secret", client.Secret))));

        status.ShouldBe(HttpStatusCode.OK, body.ToJsonString());
        body["access_token"]!.ToString().ShouldStartWith("tsr_at_");
    }

    [Fact]
    public async Task Token_WrongMethod_Answers401NamingTheRegisteredMethod()
    {
        var client = await CreateServiceClientAsync(Server);

        var (status, body) = await SendAsync(Server.Public, TokenRequest(Form(
            ("grant_type", "client_credentials"), ("client_id", client.Id), ("client_secret", client.Secret))));

        status.ShouldBe(HttpStatusCode.Unauthorized);
        body["error"]!.ToString().ShouldBe("invalid_client");
        body["error_description"]!.ToString().ShouldContain("'client_secret_basic'");
        body["error_uri"]!.ToString().ShouldEndWith("/ui/errors/oauth2_client_auth_method_mismatch");
    }

    [Fact]
    public async Task Token_UnknownClientAndWrongSecret_AnswerIdentically()
    {
        var client = await CreateServiceClientAsync(Server);

        var wrong = await SendAsync(Server.Public, TokenRequest(Form(("grant_type", "client_credentials")), (client.Id, client.Secret + "x")));
        var unknown = await SendAsync(Server.Public, TokenRequest(Form(("grant_type", "client_credentials")), ("no-such-client", client.Secret)));

        wrong.Status.ShouldBe(HttpStatusCode.Unauthorized);
        unknown.Status.ShouldBe(HttpStatusCode.Unauthorized);
        wrong.Body["error"]!.ToString().ShouldBe("invalid_client");
        unknown.Body.ToJsonString().ShouldBe(wrong.Body.ToJsonString());
    }

    [Fact]
    public async Task Token_ScopeOrGrantNotRegistered_IsRefused()
    {
        var client = await CreateServiceClientAsync(Server);
        var codeOnly = await CreateClientAsync(Server, """{"grant_types": ["authorization_code"], "redirect_uris": ["https://app.example.test/cb"]}""");

        var scope = await SendAsync(Server.Public, TokenRequest(Form(("grant_type", "client_credentials"), ("scope", "admin")), client));
        var grant = await SendAsync(Server.Public, TokenRequest(Form(("grant_type", "client_credentials")),
            (codeOnly["client_id"]!.ToString(), codeOnly["client_secret"]!.ToString())));

        scope.Status.ShouldBe(HttpStatusCode.BadRequest);
        scope.Body["error"]!.ToString().ShouldBe("invalid_scope");
        grant.Status.ShouldBe(HttpStatusCode.BadRequest);
        grant.Body["error"]!.ToString().ShouldBe("unauthorized_client");
    }

    [Fact]
    public async Task Token_MissingGrantType_IsAnRfc6749InvalidRequest()
    {
        var client = await CreateServiceClientAsync(Server);

        var (status, body) = await SendAsync(Server.Public, TokenRequest(Form(("scope", "read")), client));

        status.ShouldBe(HttpStatusCode.BadRequest);
        body["error"]!.ToString().ShouldBe("invalid_request");
        body["error_uri"]!.ToString().ShouldEndWith("/ui/errors/oauth2_invalid_request");
        body["error_description"]!.ToString().ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public async Task TokenEndpoint_OnTheAdminListener_IsNotFound()
    {
        var client = await CreateServiceClientAsync(Server);

        var (status, _) = await SendAsync(Server.Admin, TokenRequest(Form(("grant_type", "client_credentials")), client));

        status.ShouldBe(HttpStatusCode.NotFound);
    }
}

public sealed class SqliteClientCredentialsTests(SqliteServer fixture) : ClientCredentialsTests(fixture), IClassFixture<SqliteServer>;

public sealed class PostgresClientCredentialsTests(PostgresServer fixture) : ClientCredentialsTests(fixture), IClassFixture<PostgresServer>;
