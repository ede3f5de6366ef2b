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
    private readonly OidcJourney _journey = new(fixture);

    private TesseraTestServer Server => fixture.Server;

    [Fact]
    public async Task Browser_SignsUpWithClaimsFromUserInfo_ThenSignsInAgainAsTheSameIdentity()
    {
        await fixture.Provider.ResetAsync(fixture.CallbackUrl);
        var subject = $"oauth2-{Guid.NewGuid():N}";
        var email = $"userinfo-{Guid.NewGuid():N}@example.org";
        await fixture.Provider.ControlAsync(new { user = new { sub = subject, email, email_verified = true } });

        using var browser = new BrowserClient(Server.PublicUrl);
        using (var signedUp = await _journey.SignInThroughProviderAsync(browser, "registration", "text/html"))
        {
            signedUp.StatusCode.ShouldBe(HttpStatusCode.SeeOther, await signedUp.Content.ReadAsStringAsync());
            signedUp.Headers.Location!.AbsolutePath.ShouldBe("/ui/welcome");
        }

        var first = await OidcJourney.WhoamiAsync(browser);
        first.GetProperty("identity").GetProperty("traits").GetProperty("email").GetString().ShouldBe(email);
        var identityId = first.GetProperty("identity").GetProperty("id").GetString();
        using (var listed = await Server.Admin.GetAsync($"/admin/identities?credentials_identifier={OidcServer.ProviderId}:{subject}"))
        {
            using var page = JsonDocument.Parse(await listed.Content.ReadAsStringAsync());
            page.RootElement.EnumerateArray().Single().GetProperty("id").GetString().ShouldBe(identityId);
        }

        using var again = new BrowserClient(Server.PublicUrl);
        using (var signedIn = await _journey.SignInThroughProviderAsync(again, "login", "text/html"))
        {
            signedIn.StatusCode.ShouldBe(HttpStatusCode.SeeOther, await signedIn.Content.ReadAsStringAsync());
        }

        var second = await OidcJourney.WhoamiAsync(again);
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

            using var response = await _journey.SignInThroughProviderAsync(browser, "login", accept);

            if (accept == "text/html")
            {
                var error = await OidcJourney.ErrorOfErrorPageAsync(browser, response, Server.PublicUrl);
                error.GetProperty("id").GetString().ShouldBe(errorId);
                error.GetProperty("code").GetInt32().ShouldBe(status);
                continue;
            }

            var text = await response.Content.ReadAsStringAsync();
            ((int)response.StatusCode).ShouldBe(status, text);
            response.Headers.GetValues("Ory-Error-Id").Single().ShouldBe(errorId);
            response.Content.Headers.ContentType!.MediaType.ShouldBe(accept);
            // The failing endpoint is named: the user info endpoint, never the token endpoint.
            text.ShouldContain("user info endpoint");
            (await OidcJourney.WhoamiStatusAsync(browser)).ShouldBe(HttpStatusCode.Unauthorized);
        }
    }
}

public sealed class SqliteOidcUserInfoSignInTests(SqliteOidcUserInfoServer fixture) : OidcUserInfoSignInTests(fixture), IClassFixture<SqliteOidcUserInfoServer>;

public sealed class PostgresOidcUserInfoSignInTests(PostgresOidcUserInfoServer fixture) : OidcUserInfoSignInTests(fixture), IClassFixture<PostgresOidcUserInfoServer>;
