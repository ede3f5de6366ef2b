// SPDX-License-Identifier: Apache-2.0
using System.Net;
using Tessera.IntegrationTests.Fixtures;
using static Tessera.IntegrationTests.OAuth2.OAuth2Calls;

namespace Tessera.IntegrationTests.Errors;

/// <summary>
/// Issue 22, "the catalog is alive": catalog entries that no journey meets on its way, each produced here by the
/// request that causes it, with its id in <c>Ory-Error-Id</c> and its status. (test.sh fails when an entry is emitted
/// by no test at all.)
/// </summary>
public sealed class RarelyMetErrorTests(SqliteServer fixture) : IClassFixture<SqliteServer>
{
    private TesseraTestServer Server => fixture.Server;

    [Fact]
    public async Task UnknownApiKey_Answers404ApiKeyNotFound() =>
        await ShouldAnswerAsync(Server.Admin, HttpMethod.Get, $"/admin/api-keys/{Guid.NewGuid()}", HttpStatusCode.NotFound, "api_key_not_found");

    [Fact]
    public async Task LogoutWithAnUnknownToken_AnswersLogoutTokenInvalid() =>
        await ShouldAnswerAsync(Server.Public, HttpMethod.Get, "/self-service/logout?token=ory_lo_unknown", HttpStatusCode.Unauthorized, "logout_token_invalid");

    [Fact]
    public async Task SecondFactorLoginWithoutASession_Answers401SessionAal1Required() =>
        await ShouldAnswerAsync(Server.Public, HttpMethod.Get, "/self-service/login/api?aal=aal2", HttpStatusCode.Unauthorized, "session_aal1_required");

    [Fact]
    public async Task RecoveryWhileDisabled_Answers400SelfServiceFlowDisabled() =>
        await ShouldAnswerAsync(Server.Public, HttpMethod.Get, "/self-service/recovery/api", HttpStatusCode.BadRequest, "self_service_flow_disabled");

    [Fact]
    public async Task TokenRequestWithAGrantTesseraLacks_AnswersUnsupportedGrantType()
    {
        var client = await CreateServiceClientAsync(Server);

        using var response = await Server.Public.SendAsync(TokenRequest(Form(("grant_type", "password"), ("username", "a"), ("password", "b")), client));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, await response.Content.ReadAsStringAsync());
        response.Headers.GetValues("Ory-Error-Id").ShouldBe(["oauth2_unsupported_grant_type"]);
    }

    [Fact]
    public async Task RevocationWithAnUnknownTokenTypeHint_AnswersUnsupportedTokenType()
    {
        var client = await CreateServiceClientAsync(Server);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/oauth2/revoke")
        {
            Content = new FormUrlEncodedContent(Form(("token", "tsr_at_unknown"), ("token_type_hint", "id_token"))),
        };
        using (var template = TokenRequest(Form(), client))
        {
            request.Headers.Authorization = template.Headers.Authorization;
        }

        using var response = await Server.Public.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, await response.Content.ReadAsStringAsync());
        response.Headers.GetValues("Ory-Error-Id").ShouldBe(["oauth2_unsupported_token_type"]);
    }

    private static async Task ShouldAnswerAsync(HttpClient client, HttpMethod method, string path, HttpStatusCode status, string id)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Accept.ParseAdd("application/json");
        using var response = await client.SendAsync(request);

        response.StatusCode.ShouldBe(status, await response.Content.ReadAsStringAsync());
        response.Headers.GetValues("Ory-Error-Id").ShouldBe([id]);
    }
}
