// SPDX-License-Identifier: Apache-2.0
using System.Net;
using System.Text.Json;
using Tessera.IntegrationTests.Fixtures;

namespace Tessera.IntegrationTests.SelfService.KratosParity;

/// <summary>
/// Issue 16: Ory's UIs build flow URLs with every optional query parameter present and empty. Kratos reads an empty
/// parameter as an absent one; a present but unreadable one is a 400 whose reason names it.
/// </summary>
public abstract class EmptyQueryParameterTests(FlowServer fixture)
{
    private TesseraTestServer Server => fixture.Server;

    [Theory]
    [InlineData("/self-service/login/browser?aal=&refresh=&return_to=&organization=&via=&login_challenge=&identity_schema=")]
    [InlineData("/self-service/login/api?aal=&refresh=&return_to=&organization=&via=&return_session_token_exchange_code=")]
    [InlineData("/self-service/registration/browser?return_to=&login_challenge=&after_verification_return_to=&organization=&identity_schema=")]
    [InlineData("/self-service/registration/api?return_to=&organization=&return_session_token_exchange_code=")]
    public async Task CreateFlow_EveryOptionalParameterEmpty_CreatesTheFlowAsIfTheyWereAbsent(string url)
    {
        using var response = await GetJsonAsync(url);

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        using var flow = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        flow.RootElement.TryGetProperty("return_to", out _).ShouldBeFalse();
        if (url.StartsWith("/self-service/login", StringComparison.Ordinal))
        {
            flow.RootElement.GetProperty("refresh").GetBoolean().ShouldBeFalse();
            flow.RootElement.GetProperty("requested_aal").GetString().ShouldBe("aal1");
        }
    }

    [Fact]
    public async Task CreateBrowserLoginFlow_EmptyParametersFromAnHtmlBrowser_RedirectsToTheLoginUi()
    {
        using var browser = new BrowserClient(Server.PublicUrl);

        using var response = await browser.GetAsync("/self-service/login/browser?aal=&refresh=&return_to=&organization=&via=");

        response.StatusCode.ShouldBe(HttpStatusCode.SeeOther);
        response.Headers.Location!.AbsolutePath.ShouldBe("/ui/login");
        FlowJson.FlowIdFromLocation(response).ShouldNotBeNullOrEmpty();
    }

    [Theory]
    [InlineData("/self-service/login/browser?refresh=maybe", "refresh")]
    [InlineData("/self-service/login/api?refresh=2", "refresh")]
    [InlineData("/self-service/login/browser?aal=aal9", "aal")]
    [InlineData("/self-service/login/api?aal=high", "aal")]
    public async Task CreateLoginFlow_InvalidParameter_Is400NamingTheParameter(string url, string parameter)
    {
        using var response = await GetJsonAsync(url);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Headers.GetValues("Ory-Error-Id").Single().ShouldBe("malformed_request");
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        body.RootElement.GetProperty("error").GetProperty("reason").GetString()!.ShouldContain($"`{parameter}`");
    }

    private async Task<HttpResponseMessage> GetJsonAsync(string url)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Accept.ParseAdd("application/json");
        return await Server.Public.SendAsync(request);
    }
}

public sealed class SqliteEmptyQueryParameterTests(SqliteFlowServer fixture) : EmptyQueryParameterTests(fixture), IClassFixture<SqliteFlowServer>;

public sealed class PostgresEmptyQueryParameterTests(PostgresFlowServer fixture) : EmptyQueryParameterTests(fixture), IClassFixture<PostgresFlowServer>;
