// SPDX-License-Identifier: Apache-2.0
using System.Net;
using Tessera.IntegrationTests.Fixtures;

namespace Tessera.IntegrationTests.SelfService.Oidc;

/// <summary>
/// Issue 19, Kratos's <c>claims_source: userinfo</c>: an OpenID Connect provider whose claims are read at its user info
/// endpoint although it issues an ID token. The loopback provider answers user info with an address other than its ID
/// token's, so the identity shows which was read; user info about another subject than the ID token is refused.
/// </summary>
public abstract class OidcClaimsSourceTests(OidcClaimsFromUserInfoServer fixture)
{
    private readonly OidcJourney _journey = new(fixture);

    private TesseraTestServer Server => fixture.Server;

    [Fact]
    public async Task ClaimsSourceUserInfo_SignsUpWithTheUserInfoClaims_AndSignsInAgain()
    {
        var (subject, inIdToken, inUserInfo) = ($"userinfo-{Guid.NewGuid():N}", $"token-{Guid.NewGuid():N}@example.org", $"userinfo-{Guid.NewGuid():N}@example.org");
        await _journey.ProviderUserAsync(subject, inIdToken, verified: true);
        await fixture.Provider.ControlAsync(new { userinfo_claims = new { email = inUserInfo } });

        using var browser = new BrowserClient(Server.PublicUrl);
        using (var signedUp = await _journey.SignInThroughProviderAsync(browser, "registration"))
        {
            signedUp.StatusCode.ShouldBe(HttpStatusCode.SeeOther, await signedUp.Content.ReadAsStringAsync());
        }

        var identityId = await OidcJourney.SessionIdentityAsync(browser);
        using var again = new BrowserClient(Server.PublicUrl);
        using var signedIn = await _journey.SignInThroughProviderAsync(again, "login");

        (await OidcJourney.WhoamiAsync(browser)).GetProperty("identity").GetProperty("traits").GetProperty("email").GetString().ShouldBe(inUserInfo);
        signedIn.StatusCode.ShouldBe(HttpStatusCode.SeeOther, await signedIn.Content.ReadAsStringAsync());
        (await OidcJourney.SessionIdentityAsync(again)).ShouldBe(identityId);
    }

    [Fact]
    public async Task UserInfoAboutAnotherSubject_IsUpstreamError_AndSignsNobodyIn()
    {
        await _journey.ProviderUserAsync($"userinfo-{Guid.NewGuid():N}", $"token-{Guid.NewGuid():N}@example.org", verified: true);
        await fixture.Provider.ControlAsync(new { userinfo_claims = new { sub = "someone-else" } });
        using var browser = new BrowserClient(Server.PublicUrl);

        using var response = await _journey.SignInThroughProviderAsync(browser, "registration", "application/json");

        ((int)response.StatusCode).ShouldBe(502, await response.Content.ReadAsStringAsync());
        response.Headers.GetValues("Ory-Error-Id").Single().ShouldBe("upstream_error");
        (await response.Content.ReadAsStringAsync()).ShouldContain("user_info_subject_mismatch");
        (await OidcJourney.WhoamiStatusAsync(browser)).ShouldBe(HttpStatusCode.Unauthorized);
    }
}

public sealed class SqliteOidcClaimsSourceTests(SqliteOidcClaimsFromUserInfoServer fixture) : OidcClaimsSourceTests(fixture), IClassFixture<SqliteOidcClaimsFromUserInfoServer>;

public sealed class PostgresOidcClaimsSourceTests(PostgresOidcClaimsFromUserInfoServer fixture) : OidcClaimsSourceTests(fixture), IClassFixture<PostgresOidcClaimsFromUserInfoServer>;
