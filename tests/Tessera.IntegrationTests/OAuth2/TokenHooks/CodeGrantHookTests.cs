// SPDX-License-Identifier: Apache-2.0
using System.Net;
using Tessera.IntegrationTests.Fixtures;
using Tessera.IntegrationTests.OAuth2.Authorization;
using static Tessera.IntegrationTests.OAuth2.OAuth2Calls;
using Reply = Tessera.IntegrationTests.Fixtures.WebHookReceiver.Reply;

namespace Tessera.IntegrationTests.OAuth2.TokenHooks;

/// <summary>The token hook on the authorization code grant, counted at a real receiver on 127.0.0.1.</summary>
public abstract class CodeGrantHookTests(TokenHookServer fixture)
{
    private TesseraTestServer Server => fixture.Server;

    [Fact]
    public async Task ReusedCode_IsRefusedBeforeTheTokenHookIsCalled()
    {
        var client = await CodeChain.CreateConfidentialClientAsync(Server, "openid");
        using var user = await CodeChain.SignInAsync(Server);
        var verifier = CodeChain.NewVerifier();
        var code = await CodeChain.AuthorizeAsync(Server, user.Browser, client.Id, verifier, "openid");
        var redeem = Form(("grant_type", "authorization_code"), ("code", code), ("code_verifier", verifier), ("redirect_uri", CodeChain.RedirectUri));
        fixture.Receiver.Script("/token", string.Empty, new Reply(204), new Reply(204));

        var (firstStatus, first) = await SendAsync(Server.Public, TokenRequest(redeem, client));
        var callsAfterFirst = fixture.Receiver.ReceivedFor("/token", string.Empty).Count;
        var (againStatus, again) = await SendAsync(Server.Public, TokenRequest(redeem, client));

        firstStatus.ShouldBe(HttpStatusCode.OK, first.ToJsonString());
        againStatus.ShouldBe(HttpStatusCode.BadRequest);
        again["error"]!.ToString().ShouldBe("invalid_grant");
        again["error_uri"]!.ToString().ShouldEndWith("oauth2_authorization_code_reused");
        fixture.Receiver.ReceivedFor("/token", string.Empty).Count.ShouldBe(callsAfterFirst);
    }
}

public sealed class SqliteCodeGrantHookTests(SqliteTokenHookServer fixture) : CodeGrantHookTests(fixture), IClassFixture<SqliteTokenHookServer>;

public sealed class PostgresCodeGrantHookTests(PostgresTokenHookServer fixture) : CodeGrantHookTests(fixture), IClassFixture<PostgresTokenHookServer>;
