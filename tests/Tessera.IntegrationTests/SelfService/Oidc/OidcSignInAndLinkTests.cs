// SPDX-License-Identifier: Apache-2.0
using System.Net;
using System.Text.Json;
using Tessera.IntegrationTests.Fixtures;

namespace Tessera.IntegrationTests.SelfService.Oidc;

/// <summary>
/// Issue 19, acceptance 3: a provider vouching for the verified e-mail of an existing account never signs into it;
/// the account's login form comes with 1010016, and the provider account is linked once the password is proven there
/// (Kratos's "sign in and link"). An unverified provider e-mail never leads there.
/// </summary>
public abstract class OidcSignInAndLinkTests(OidcServer fixture)
{
    private readonly OidcJourney _journey = new(fixture);

    private TesseraTestServer Server => fixture.Server;

    [Fact]
    public async Task Browser_VerifiedEmailOfAPasswordAccount_ShowsItsLoginWith1010016_AndLinksOnlyAfterThePassword()
    {
        var (email, subject) = ($"owner-{Guid.NewGuid():N}@example.org", $"sub-{Guid.NewGuid():N}");
        var ownerId = await _journey.CreatePasswordIdentityAsync(email, OidcJourney.OwnerPassword);
        await _journey.ProviderUserAsync(subject, email, verified: true);
        using var browser = new BrowserClient(Server.PublicUrl);

        using var back = await _journey.ThroughProviderAsync(browser, "registration", await _journey.StartAsync(browser, "registration"));

        back.StatusCode.ShouldBe(HttpStatusCode.SeeOther, await back.Content.ReadAsStringAsync());
        back.Headers.Location!.AbsolutePath.ShouldBe("/ui/login");
        (await OidcJourney.SessionIdentityAsync(browser)).ShouldBeNull();
        (await _journey.OidcIdentifiersAsync(ownerId)).ShouldBeEmpty();
        var loginId = FlowJson.FlowIdFromLocation(back);
        using (var login = await browser.GetFlowAsync("login", loginId))
        {
            var message = login.RootElement.GetProperty("ui").GetProperty("messages").EnumerateArray().Single(m => m.GetProperty("id").GetInt64() == 1010016);
            message.GetProperty("context").GetProperty("duplicate_identifier").GetString().ShouldBe(email);
            message.GetProperty("context").GetProperty("provider").GetString().ShouldBe(OidcServer.ProviderId);
            FlowJson.NodeValue(login.RootElement, "identifier").ShouldBe(email);

            // A wrong password proves nothing: no session, no link.
            using var wrong = await browser.PostFormAsync(OidcJourney.Action(login),
                [new("csrf_token", OidcJourney.Csrf(login)), new("method", "password"), new("identifier", email), new("password", "not the password at all 1")]);
            wrong.StatusCode.ShouldBe(HttpStatusCode.SeeOther);
            (await OidcJourney.SessionIdentityAsync(browser)).ShouldBeNull();
            (await _journey.OidcIdentifiersAsync(ownerId)).ShouldBeEmpty();

            using var proven = await browser.PostFormAsync(OidcJourney.Action(login),
                [new("csrf_token", OidcJourney.Csrf(login)), new("method", "password"), new("identifier", email), new("password", OidcJourney.OwnerPassword)]);
            proven.StatusCode.ShouldBe(HttpStatusCode.SeeOther, await proven.Content.ReadAsStringAsync());
        }

        (await OidcJourney.SessionIdentityAsync(browser)).ShouldBe(ownerId);
        (await _journey.OidcIdentifiersAsync(ownerId)).ShouldBe([$"{OidcServer.ProviderId}:{subject}"]);

        // The provider now signs into the owner's account directly.
        using var again = new BrowserClient(Server.PublicUrl);
        using var signedIn = await _journey.ThroughProviderAsync(again, "login", await _journey.StartAsync(again, "login"));
        signedIn.StatusCode.ShouldBe(HttpStatusCode.SeeOther, await signedIn.Content.ReadAsStringAsync());
        (await OidcJourney.SessionIdentityAsync(again)).ShouldBe(ownerId);
    }

    [Fact]
    public async Task Json_VerifiedEmailOfAPasswordAccount_AnswersTheLoginFlow_AndLinksAfterTheJsonPasswordSubmission()
    {
        var (email, subject) = ($"owner-{Guid.NewGuid():N}@example.org", $"sub-{Guid.NewGuid():N}");
        var ownerId = await _journey.CreatePasswordIdentityAsync(email, OidcJourney.OwnerPassword);
        await _journey.ProviderUserAsync(subject, email, verified: true);
        using var browser = new BrowserClient(Server.PublicUrl);

        using var back = await _journey.ThroughProviderAsync(browser, "login", await _journey.StartAsync(browser, "login"), "application/json");

        back.StatusCode.ShouldBe(HttpStatusCode.OK, await back.Content.ReadAsStringAsync());
        using var login = JsonDocument.Parse(await back.Content.ReadAsStringAsync());
        FlowJson.MessageIds(login.RootElement).ShouldContain(1010016);
        (await OidcJourney.SessionIdentityAsync(browser)).ShouldBeNull();
        (await _journey.OidcIdentifiersAsync(ownerId)).ShouldBeEmpty();

        using var proven = await browser.SendJsonAsync(HttpMethod.Post, OidcJourney.Action(login), new Dictionary<string, string>
        {
            ["method"] = "password", ["identifier"] = email, ["password"] = OidcJourney.OwnerPassword, ["csrf_token"] = OidcJourney.Csrf(login),
        });

        proven.StatusCode.ShouldBe(HttpStatusCode.OK, await proven.Content.ReadAsStringAsync());
        (await OidcJourney.SessionIdentityAsync(browser)).ShouldBe(ownerId);
        (await _journey.OidcIdentifiersAsync(ownerId)).ShouldBe([$"{OidcServer.ProviderId}:{subject}"]);
    }

    [Fact]
    public async Task UnverifiedEmailOfAPasswordAccount_NeverOffersTheLink_AndShowsTheRegistrationForm()
    {
        var (email, subject) = ($"owner-{Guid.NewGuid():N}@example.org", $"sub-{Guid.NewGuid():N}");
        var ownerId = await _journey.CreatePasswordIdentityAsync(email, OidcJourney.OwnerPassword);
        await _journey.ProviderUserAsync(subject, email, verified: false);
        using var browser = new BrowserClient(Server.PublicUrl);

        var registrationId = await _journey.StartAsync(browser, "registration");
        using var back = await _journey.ThroughProviderAsync(browser, "registration", registrationId);

        back.StatusCode.ShouldBe(HttpStatusCode.SeeOther, await back.Content.ReadAsStringAsync());
        back.Headers.Location!.AbsolutePath.ShouldBe("/ui/registration");
        using var registration = await browser.GetFlowAsync("registration", FlowJson.FlowIdFromLocation(back));
        FlowJson.MessageIds(registration.RootElement).ShouldNotContain(1010016);
        // The registration form says why it did not complete (the address is taken), on the form or on the field.
        FlowJson.MessageIds(registration.RootElement).Concat(FlowJson.NodeMessageIds(registration.RootElement, "traits.email")).ShouldNotBeEmpty();
        (await OidcJourney.SessionIdentityAsync(browser)).ShouldBeNull();
        (await _journey.OidcIdentifiersAsync(ownerId)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Json_UnverifiedEmailOfAPasswordAccount_Is409With4000007_IdentityConflictsFlowMessage()
    {
        // Seed 002's oauth:email_not_verified and oauth:email_already_exists meet Tessera here (docs/errors.md, seed codes).
        var (email, subject) = ($"owner-{Guid.NewGuid():N}@example.org", $"sub-{Guid.NewGuid():N}");
        var ownerId = await _journey.CreatePasswordIdentityAsync(email, OidcJourney.OwnerPassword);
        await _journey.ProviderUserAsync(subject, email, verified: false);
        using var browser = new BrowserClient(Server.PublicUrl);

        using var back = await _journey.SignInThroughProviderAsync(browser, "registration", "application/json");

        // 409 with the flow carrying 4000007: identity_conflict as a flow answers it (seed row B3).
        ((int)back.StatusCode).ShouldBe(409, await back.Content.ReadAsStringAsync());
        using var registration = JsonDocument.Parse(await back.Content.ReadAsStringAsync());
        FlowJson.MessageIds(registration.RootElement).ShouldContain(4000007);
        (await _journey.OidcIdentifiersAsync(ownerId)).ShouldBeEmpty();
    }
}

public sealed class SqliteOidcSignInAndLinkTests(SqliteOidcServer fixture) : OidcSignInAndLinkTests(fixture), IClassFixture<SqliteOidcServer>;

public sealed class PostgresOidcSignInAndLinkTests(PostgresOidcServer fixture) : OidcSignInAndLinkTests(fixture), IClassFixture<PostgresOidcServer>;
