// SPDX-License-Identifier: Apache-2.0
using System.Net;
using System.Text.Json;
using Tessera.IntegrationTests.Fixtures;

namespace Tessera.IntegrationTests.SelfService.Oidc;

/// <summary>
/// Issue 19, the user-info path: a provider that speaks plain OAuth2 (like the github preset) is read at its user info
/// endpoint instead of an ID token. The loopback provider is configured that way (<c>user_info_url</c>, no
/// <c>issuer_url</c>) on a server of its own, and its user info endpoint is made to fail for real.
/// </summary>
public abstract class OidcUserInfoSignInTests(OidcUserInfoServer fixture)
{
    private TesseraTestServer Server => fixture.Server;

    [Fact]
    public async Task Browser_SignsUpWithClaimsFromUserInfo_ThenSignsInAgainAsTheSameIdentity()
    {
        await fixture.Provider.ResetAsync(fixture.CallbackUrl);
        var subject = $"oauth2-{Guid.NewGuid():N}";
        var email = $"userinfo-{Guid.NewGuid():N}@example.org";
        await fixture.Provider.ControlAsync(new { user = new { sub = subject, email, email_verified = true } });

        using var browser = new BrowserClient(Server.PublicUrl);
        using (var signedUp = await SignInThroughProviderAsync(browser, "registration", "text/html"))
        {
            signedUp.StatusCode.ShouldBe(HttpStatusCode.SeeOther, await signedUp.Content.ReadAsStringAsync());
            signedUp.Headers.Location!.AbsolutePath.ShouldBe("/ui/welcome");
        }

        var first = await WhoamiAsync(browser);
        first.GetProperty("identity").GetProperty("traits").GetProperty("email").GetString().ShouldBe(email);
        var identityId = first.GetProperty("identity").GetProperty("id").GetString();
        using (var listed = await Server.Admin.GetAsync($"/admin/identities?credentials_identifier={OidcServer.ProviderId}:{subject}"))
        {
            using var page = JsonDocument.Parse(await listed.Content.ReadAsStringAsync());
            page.RootElement.EnumerateArray().Single().GetProperty("id").GetString().ShouldBe(identityId);
        }

        using var again = new BrowserClient(Server.PublicUrl);
        using (var signedIn = await SignInThroughProviderAsync(again, "login", "text/html"))
        {
            signedIn.StatusCode.ShouldBe(HttpStatusCode.SeeOther, await signedIn.Content.ReadAsStringAsync());
        }

        var second = await WhoamiAsync(again);
        second.GetProperty("identity").GetProperty("id").GetString().ShouldBe(identityId);
        second.GetProperty("authentication_methods")[0].GetProperty("method").GetString().ShouldBe("oidc");
    }

    [Theory]
    [InlineData("down", 503, "provider_unavailable")]
    [InlineData("garbage", 502, "upstream_error")]
    [InlineData("500", 502, "upstream_error")]
    public async Task UserInfoThatFails_IsACatalogError_InJsonProblemJsonAndTheErrorPage(string userinfo, int status, string errorId)
    {
        foreach (var accept in new[] { "application/json", "application/problem+json", "text/html" })
        {
            await fixture.Provider.ResetAsync(fixture.CallbackUrl);
            await fixture.Provider.ControlAsync(new { userinfo });
            using var browser = new BrowserClient(Server.PublicUrl);

            using var response = await SignInThroughProviderAsync(browser, "login", accept);

            if (accept == "text/html")
            {
                response.StatusCode.ShouldBe(HttpStatusCode.SeeOther);
                var shownId = System.Web.HttpUtility.ParseQueryString(new Uri(Server.PublicUrl, response.Headers.Location!).Query)["id"]!;
                using var shown = await browser.SendJsonAsync(HttpMethod.Get, $"/self-service/errors?id={shownId}", null);
                using var error = JsonDocument.Parse(await shown.Content.ReadAsStringAsync());
                error.RootElement.GetProperty("error").GetProperty("id").GetString().ShouldBe(errorId);
                error.RootElement.GetProperty("error").GetProperty("code").GetInt32().ShouldBe(status);
                continue;
            }

            var text = await response.Content.ReadAsStringAsync();
            ((int)response.StatusCode).ShouldBe(status, text);
            response.Headers.GetValues("Ory-Error-Id").Single().ShouldBe(errorId);
            response.Content.Headers.ContentType!.MediaType.ShouldBe(accept);
            // The failing endpoint is named: the user info endpoint, never the token endpoint.
            text.ShouldContain("user info endpoint");
            (await WhoamiStatusAsync(browser)).ShouldBe(HttpStatusCode.Unauthorized);
        }
    }

    /// <summary>Submits the provider's button on a new flow, follows the provider's redirects, and answers the callback as <paramref name="accept"/>.</summary>
    private async Task<HttpResponseMessage> SignInThroughProviderAsync(BrowserClient browser, string kind, string accept)
    {
        using var started = await browser.GetAsync($"/self-service/{kind}/browser");
        started.StatusCode.ShouldBe(HttpStatusCode.SeeOther);
        using var flow = await browser.GetFlowAsync(kind, FlowJson.FlowIdFromLocation(started));
        var response = await browser.PostFormAsync(flow.RootElement.GetProperty("ui").GetProperty("action").GetString()!,
            [new("csrf_token", FlowJson.NodeValue(flow.RootElement, "csrf_token")!), new("provider", OidcServer.ProviderId)]);
        for (var hop = 0; hop < 10; hop++)
        {
            response.StatusCode.ShouldBeOneOf([HttpStatusCode.SeeOther, HttpStatusCode.Found], await response.Content.ReadAsStringAsync());
            var location = new Uri(fixture.Provider.Issuer, response.Headers.Location!);
            response.Dispose();
            if (location.AbsolutePath.StartsWith("/self-service/methods/oidc/callback/", StringComparison.Ordinal))
            {
                if (accept == "text/html")
                {
                    return await browser.GetAsync(location.AbsoluteUri);
                }

                using var request = new HttpRequestMessage(HttpMethod.Get, location);
                return await browser.SendAsync(request, accept);
            }

            response = await browser.GetAsync(location.AbsoluteUri);
        }

        throw new InvalidOperationException("the provider never redirected back");
    }

    private static async Task<JsonElement> WhoamiAsync(BrowserClient browser)
    {
        using var response = await browser.SendJsonAsync(HttpMethod.Get, "/sessions/whoami", null);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    private static async Task<HttpStatusCode> WhoamiStatusAsync(BrowserClient browser)
    {
        using var response = await browser.SendJsonAsync(HttpMethod.Get, "/sessions/whoami", null);
        return response.StatusCode;
    }
}

public sealed class SqliteOidcUserInfoSignInTests(SqliteOidcUserInfoServer fixture) : OidcUserInfoSignInTests(fixture), IClassFixture<SqliteOidcUserInfoServer>;

public sealed class PostgresOidcUserInfoSignInTests(PostgresOidcUserInfoServer fixture) : OidcUserInfoSignInTests(fixture), IClassFixture<PostgresOidcUserInfoServer>;
