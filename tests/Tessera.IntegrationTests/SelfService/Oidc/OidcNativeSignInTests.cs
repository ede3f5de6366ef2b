// SPDX-License-Identifier: Apache-2.0
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Tessera.IntegrationTests.Fixtures;

namespace Tessera.IntegrationTests.SelfService.Oidc;

/// <summary>
/// Issue 19, native apps: Kratos's session-token exchange. The app creates an API flow with
/// <c>return_session_token_exchange_code=true</c>, submits the provider (422 + redirect_browser_to), a separate browser
/// goes through the real provider on loopback and lands on <c>return_to?code=...</c>, and the app exchanges both codes
/// for its session token at <c>GET /sessions/token-exchange</c>, once.
/// </summary>
public abstract class OidcNativeSignInTests(OidcServer fixture)
{
    private readonly OidcNativeApp _app = new(fixture);

    private TesseraTestServer Server => fixture.Server;

    [Theory]
    [InlineData("registration")]
    [InlineData("login")]
    public async Task NativeApp_SignsInThroughTheProvider_AndExchangesTheCodesForItsSessionToken(string kind)
    {
        var email = await NewProviderUserAsync();
        if (kind == "login")
        {
            // The provider account exists already: sign up once natively, then sign in natively.
            var first = await _app.ThroughProviderAsync("registration");
            using var firstExchange = await _app.ExchangeAsync(first.InitCode, first.ReturnToCode);
            firstExchange.StatusCode.ShouldBe(HttpStatusCode.OK, await firstExchange.Content.ReadAsStringAsync());
        }

        var native = await _app.ThroughProviderAsync(kind);

        using var exchanged = await _app.ExchangeAsync(native.InitCode, native.ReturnToCode);
        exchanged.StatusCode.ShouldBe(HttpStatusCode.OK, await exchanged.Content.ReadAsStringAsync());
        using var body = JsonDocument.Parse(await exchanged.Content.ReadAsStringAsync());
        var token = body.RootElement.GetProperty("session_token").GetString()!;
        token.ShouldStartWith("ory_st_");
        body.RootElement.GetProperty("session").GetProperty("identity").GetProperty("traits").GetProperty("email").GetString().ShouldBe(email);
        body.RootElement.GetProperty("session").GetProperty("authentication_methods")[0].GetProperty("method").GetString().ShouldBe("oidc");

        using var whoami = new HttpRequestMessage(HttpMethod.Get, "/sessions/whoami");
        whoami.Headers.Add("X-Session-Token", token);
        using var me = await Server.Public.SendAsync(whoami);
        me.StatusCode.ShouldBe(HttpStatusCode.OK);

        using var again = await _app.ExchangeAsync(native.InitCode, native.ReturnToCode);
        ((int)again.StatusCode).ShouldBe(404);
        again.Headers.GetValues("Ory-Error-Id").Single().ShouldBe("session_token_exchange_code_invalid");
    }

    [Fact]
    public async Task Exchange_RacedByThirtyRequests_AnswersTheTokenExactlyOnce()
    {
        await NewProviderUserAsync();
        var native = await _app.ThroughProviderAsync("registration");

        using var start = new SemaphoreSlim(0);
        var calls = Enumerable.Range(0, 30).Select(async _ =>
        {
            await start.WaitAsync();
            using var response = await _app.ExchangeAsync(native.InitCode, native.ReturnToCode);
            return (int)response.StatusCode;
        }).ToList();
        start.Release(calls.Count);
        var statuses = await Task.WhenAll(calls);

        statuses.Count(s => s == 200).ShouldBe(1, string.Join(",", statuses));
        statuses.Count(s => s == 404).ShouldBe(29, string.Join(",", statuses));
    }

    [Fact]
    public async Task Exchange_WithWrongOrMissingCodes_OrBeforeTheBrowserReturned_IsRefused()
    {
        await NewProviderUserAsync();
        var (flowId, initCode) = await _app.CreateFlowAsync("registration");
        flowId.ShouldNotBeNullOrEmpty();

        // Not finished at the provider yet: nothing to exchange.
        using (var early = await _app.ExchangeAsync(initCode, "not-yet"))
        {
            ((int)early.StatusCode).ShouldBe(404);
            early.Headers.GetValues("Ory-Error-Id").Single().ShouldBe("session_token_exchange_code_invalid");
        }

        var native = await _app.ThroughProviderAsync("registration");
        foreach (var (init, back) in new[] { (native.InitCode, native.ReturnToCode + "x"), (initCode, native.ReturnToCode), ("garbage", native.ReturnToCode) })
        {
            using var wrong = await _app.ExchangeAsync(init, back);
            ((int)wrong.StatusCode).ShouldBe(404);
            wrong.Headers.GetValues("Ory-Error-Id").Single().ShouldBe("session_token_exchange_code_invalid");
        }

        using (var missing = await Server.Public.GetAsync($"/sessions/token-exchange?init_code={Uri.EscapeDataString(native.InitCode)}"))
        {
            ((int)missing.StatusCode).ShouldBe(400);
            missing.Headers.GetValues("Ory-Error-Id").Single().ShouldBe("malformed_request");
        }

        // The right codes still work after all the wrong ones.
        using var right = await _app.ExchangeAsync(native.InitCode, native.ReturnToCode);
        right.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Exchange_AfterTheFlowsLifetime_Is410()
    {
        await NewProviderUserAsync();
        var native = await _app.ThroughProviderAsync("registration");

        Server.Clock.Advance(TimeSpan.FromHours(2));
        try
        {
            using var late = await _app.ExchangeAsync(native.InitCode, native.ReturnToCode);

            ((int)late.StatusCode).ShouldBe(410, await late.Content.ReadAsStringAsync());
            late.Headers.GetValues("Ory-Error-Id").Single().ShouldBe("session_token_exchange_code_expired");
        }
        finally
        {
            Server.Clock.Advance(TimeSpan.FromHours(-2));
        }
    }

    [Fact]
    public async Task NativeFlowWithoutTheExchange_HasNoCode_AndBrowserFlowsIgnoreTheParameter()
    {
        using (var plain = await Server.Public.GetAsync("/self-service/login/api"))
        {
            using var flow = JsonDocument.Parse(await plain.Content.ReadAsStringAsync());
            flow.RootElement.TryGetProperty("session_token_exchange_code", out _).ShouldBeFalse();
        }

        using var browser = new BrowserClient(Server.PublicUrl);
        using var browserFlow = await browser.SendJsonAsync(HttpMethod.Get, "/self-service/login/browser?return_session_token_exchange_code=true", null);
        using var json = JsonDocument.Parse(await browserFlow.Content.ReadAsStringAsync());
        json.RootElement.TryGetProperty("session_token_exchange_code", out _).ShouldBeFalse();
    }

    private async Task<string> NewProviderUserAsync()
    {
        await fixture.Provider.ResetAsync(fixture.CallbackUrl);
        var email = $"native-{Guid.NewGuid():N}@example.org";
        await fixture.Provider.ControlAsync(new { user = new { sub = $"native-{Guid.NewGuid():N}", email, email_verified = true } });
        return email;
    }
}

public sealed class SqliteOidcNativeSignInTests(SqliteOidcServer fixture) : OidcNativeSignInTests(fixture), IClassFixture<SqliteOidcServer>;

public sealed class PostgresOidcNativeSignInTests(PostgresOidcServer fixture) : OidcNativeSignInTests(fixture), IClassFixture<PostgresOidcServer>;
