// SPDX-License-Identifier: Apache-2.0
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Tessera.IntegrationTests.Fixtures;

namespace Tessera.IntegrationTests.SelfService.Oidc;

/// <summary>Issue 19: sign-up and sign-in through a real OpenID provider on loopback, and each way it can fail.</summary>
public abstract class OidcSignInTests(OidcServer fixture)
{
    private readonly OidcJourney _journey = new(fixture);

    private TesseraTestServer Server => fixture.Server;

    [Fact]
    public async Task Browser_SignsUpWithTheProvider_ThenSignsInAgainAsTheSameIdentity()
    {
        await fixture.Provider.ResetAsync(fixture.CallbackUrl);
        var subject = $"sub-{Guid.NewGuid():N}";
        var email = $"social-{Guid.NewGuid():N}@example.org";
        await fixture.Provider.ControlAsync(new { user = new { sub = subject, email, email_verified = true } });

        using var browser = new BrowserClient(Server.PublicUrl);
        using (var signedUp = await _journey.SignInThroughProviderAsync(browser, "registration"))
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

        using (var withCredential = await Server.Admin.GetAsync($"/admin/identities/{identityId}?include_credential=oidc"))
        {
            using var identity = JsonDocument.Parse(await withCredential.Content.ReadAsStringAsync());
            var linked = identity.RootElement.GetProperty("credentials").GetProperty("oidc").GetProperty("config").GetProperty("providers")[0];
            linked.GetProperty("subject").GetString().ShouldBe(subject);
            linked.GetProperty("provider").GetString().ShouldBe(OidcServer.ProviderId);
            // Sealed with secrets.cipher: never the provider's token itself (a JWT starts with "eyJ").
            linked.GetProperty("initial_id_token").GetString().ShouldNotStartWith("eyJ");
            linked.GetProperty("initial_id_token").GetString().ShouldNotBeNullOrEmpty();
        }

        using var again = new BrowserClient(Server.PublicUrl);
        using (var signedIn = await _journey.SignInThroughProviderAsync(again, "login"))
        {
            signedIn.StatusCode.ShouldBe(HttpStatusCode.SeeOther, await signedIn.Content.ReadAsStringAsync());
        }

        var second = await OidcJourney.WhoamiAsync(again);
        second.GetProperty("identity").GetProperty("id").GetString().ShouldBe(first.GetProperty("identity").GetProperty("id").GetString());
        second.GetProperty("authentication_methods")[0].GetProperty("method").GetString().ShouldBe("oidc");
    }

    [Fact]
    public async Task LoginFlow_OffersOneButtonPerProvider_In1010002Shape()
    {
        using var browser = new BrowserClient(Server.PublicUrl);
        var flowId = await _journey.StartAsync(browser, "login");
        using var flow = await browser.GetFlowAsync("login", flowId);

        var button = FlowJson.Node(flow.RootElement, "provider");
        button.GetProperty("group").GetString().ShouldBe("oidc");
        button.GetProperty("attributes").GetProperty("type").GetString().ShouldBe("submit");
        button.GetProperty("attributes").GetProperty("value").GetString().ShouldBe(OidcServer.ProviderId);
        button.GetProperty("meta").GetProperty("label").GetProperty("id").GetInt64().ShouldBe(1010002);
    }

    [Fact]
    public async Task Script_SubmittingAProvider_Is422WithRedirectBrowserToTheProvider()
    {
        using var browser = new BrowserClient(Server.PublicUrl);
        var flowId = await _journey.StartAsync(browser, "login");
        using var flow = await browser.GetFlowAsync("login", flowId);

        using var response = await browser.SendJsonAsync(HttpMethod.Post, OidcJourney.Action(flow),
            new Dictionary<string, string> { ["method"] = "oidc", ["provider"] = OidcServer.ProviderId, ["csrf_token"] = OidcJourney.Csrf(flow) });

        response.StatusCode.ShouldBe((HttpStatusCode)422);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        body.RootElement.GetProperty("error").GetProperty("id").GetString().ShouldBe("browser_location_change_required");
        var target = new Uri(body.RootElement.GetProperty("redirect_browser_to").GetString()!);
        target.GetLeftPart(UriPartial.Authority).ShouldBe(fixture.Provider.Issuer.GetLeftPart(UriPartial.Authority));
        target.Query.ShouldContain("code_challenge_method=S256");
        target.Query.ShouldContain("nonce=");
    }

    [Theory]
    [InlineData("authorize_error", "access_denied", 400, "provider_refused")]
    [InlineData("token", "401", 502, "provider_credentials_rejected")]
    [InlineData("token", "500", 502, "upstream_error")]
    [InlineData("token", "garbage", 502, "upstream_error")]
    [InlineData("token", "down", 503, "provider_unavailable")]
    [InlineData("id_token", "unknown_key", 502, "provider_id_token_invalid")]
    [InlineData("id_token", "wrong_audience", 502, "provider_id_token_invalid")]
    public async Task MisbehavingProvider_IsACatalogError_InJsonProblemJsonAndTheErrorPage(string knob, string value, int status, string errorId)
    {
        foreach (var accept in new[] { "application/json", "application/problem+json", "text/html" })
        {
            await fixture.Provider.ResetAsync(fixture.CallbackUrl);
            await fixture.Provider.ControlAsync(new Dictionary<string, string> { [knob] = value });
            using var browser = new BrowserClient(Server.PublicUrl);

            using var response = await _journey.SignInThroughProviderAsync(browser, "login", accept);

            if (accept == "text/html")
            {
                var error = await OidcJourney.ErrorOfErrorPageAsync(browser, response, Server.PublicUrl);
                error.GetProperty("id").GetString().ShouldBe(errorId);
                error.GetProperty("code").GetInt32().ShouldBe(status);
                continue;
            }

            ((int)response.StatusCode).ShouldBe(status, await response.Content.ReadAsStringAsync());
            response.Headers.GetValues("Ory-Error-Id").Single().ShouldBe(errorId);
            response.Content.Headers.ContentType!.MediaType.ShouldBe(accept);
        }
    }

    [Fact]
    public async Task Callback_ReplayedOrWithoutState_IsOAuthStateInvalid()
    {
        await fixture.Provider.ResetAsync(fixture.CallbackUrl);
        await fixture.Provider.ControlAsync(new { user = new { sub = $"sub-{Guid.NewGuid():N}", email = $"r-{Guid.NewGuid():N}@example.org", email_verified = true } });
        using var browser = new BrowserClient(Server.PublicUrl);
        var (callback, first) = await _journey.ToCallbackAsync(browser, "registration");
        using (first)
        {
            using var used = await browser.GetAsync(callback.AbsoluteUri);
            used.StatusCode.ShouldBe(HttpStatusCode.SeeOther);
        }

        using var replayed = await OidcJourney.SendAsync(browser, callback, "application/json");
        ((int)replayed.StatusCode).ShouldBe(400);
        replayed.Headers.GetValues("Ory-Error-Id").Single().ShouldBe("oauth_state_invalid");

        using var missing = await OidcJourney.SendAsync(browser, fixture.CallbackUrl, "application/json");
        ((int)missing.StatusCode).ShouldBe(400);
        missing.Headers.GetValues("Ory-Error-Id").Single().ShouldBe("oauth_state_invalid");
    }

    [Fact]
    public async Task Callback_FromAnotherBrowser_IsOAuthStateInvalid()
    {
        await fixture.Provider.ResetAsync(fixture.CallbackUrl);
        using var browser = new BrowserClient(Server.PublicUrl);
        var (callback, first) = await _journey.ToCallbackAsync(browser, "login");
        first.Dispose();

        using var stranger = new BrowserClient(Server.PublicUrl);
        using var response = await OidcJourney.SendAsync(stranger, callback, "application/json");

        ((int)response.StatusCode).ShouldBe(400);
        response.Headers.GetValues("Ory-Error-Id").Single().ShouldBe("oauth_state_invalid");
    }

    [Theory]
    [InlineData("login", "application/json")]
    [InlineData("login", "application/problem+json")]
    [InlineData("registration", "application/json")]
    [InlineData("registration", "application/problem+json")]
    public async Task Callback_AfterTheFlowExpired_IsOAuthStateExpired_ForScripts(string kind, string accept)
    {
        await fixture.Provider.ResetAsync(fixture.CallbackUrl);
        using var browser = new BrowserClient(Server.PublicUrl);
        var (callback, first) = await _journey.ToCallbackAsync(browser, kind);
        first.Dispose();

        Server.Clock.Advance(TimeSpan.FromHours(2));
        try
        {
            using var response = await OidcJourney.SendAsync(browser, callback, accept);

            ((int)response.StatusCode).ShouldBe(400);
            response.Headers.GetValues("Ory-Error-Id").Single().ShouldBe("oauth_state_expired");
            response.Content.Headers.ContentType!.MediaType.ShouldBe(accept);
        }
        finally
        {
            Server.Clock.Advance(TimeSpan.FromHours(-2));
        }
    }

    [Theory]
    [InlineData("login", 4010001)]
    [InlineData("registration", 4040001)]
    public async Task Callback_AfterTheFlowExpired_SendsTheBrowserToAFreshFlow_WithTheExpiryMessage(string kind, long messageId)
    {
        await fixture.Provider.ResetAsync(fixture.CallbackUrl);
        using var browser = new BrowserClient(Server.PublicUrl);
        var expiredId = await _journey.StartAsync(browser, kind);
        var (callback, first) = await _journey.ToCallbackAsync(browser, kind, expiredId);
        first.Dispose();

        Server.Clock.Advance(TimeSpan.FromHours(2));
        try
        {
            using var response = await OidcJourney.SendAsync(browser, callback, "text/html");

            response.StatusCode.ShouldBe(HttpStatusCode.SeeOther, await response.Content.ReadAsStringAsync());
            response.Headers.Location!.OriginalString.ShouldContain($"/ui/{kind}");
            var freshId = FlowJson.FlowIdFromLocation(response);
            freshId.ShouldNotBe(expiredId);
            using var fresh = await browser.GetFlowAsync(kind, freshId);
            var message = fresh.RootElement.GetProperty("ui").GetProperty("messages").EnumerateArray().Single();
            message.GetProperty("id").GetInt64().ShouldBe(messageId);
            message.GetProperty("context").GetProperty("error_id").GetString().ShouldBe("oauth_state_expired");
            // The fresh flow is a whole form again: the provider button is there to try once more.
            FlowJson.Node(fresh.RootElement, "provider").GetProperty("group").GetString().ShouldBe("oidc");
        }
        finally
        {
            Server.Clock.Advance(TimeSpan.FromHours(-2));
        }
    }

    [Fact]
    public async Task RegistrationForm_AfterAnInvalidSubmission_StillOffersTheProviderButtons()
    {
        using var browser = new BrowserClient(Server.PublicUrl);
        var flowId = await _journey.StartAsync(browser, "registration");
        using var flow = await browser.GetFlowAsync("registration", flowId);

        using var submitted = await browser.SendJsonAsync(HttpMethod.Post, OidcJourney.Action(flow), new Dictionary<string, object>
        {
            ["method"] = "profile", ["csrf_token"] = OidcJourney.Csrf(flow), ["traits"] = new Dictionary<string, string> { ["email"] = "not an address" },
        });

        ((int)submitted.StatusCode).ShouldBe(400, await submitted.Content.ReadAsStringAsync());
        using var rerendered = JsonDocument.Parse(await submitted.Content.ReadAsStringAsync());
        FlowJson.NodeMessageIds(rerendered.RootElement, "traits.email").ShouldNotBeEmpty();
        var button = FlowJson.Node(rerendered.RootElement, "provider");
        button.GetProperty("group").GetString().ShouldBe("oidc");
        button.GetProperty("attributes").GetProperty("value").GetString().ShouldBe(OidcServer.ProviderId);
        button.GetProperty("meta").GetProperty("label").GetProperty("id").GetInt64().ShouldBe(1040002);

        // Fetched again (the UI's view), the buttons are still there.
        using var fetched = await browser.GetFlowAsync("registration", flowId);
        FlowJson.Node(fetched.RootElement, "provider").GetProperty("group").GetString().ShouldBe("oidc");
    }

    [Theory]
    [InlineData("registration")]
    [InlineData("login")]
    public async Task Submission_AfterTheFlowExpired_AnswersAReplacementFlow_WithTheProviderButtons(string kind)
    {
        using var browser = new BrowserClient(Server.PublicUrl);
        var expiredId = await _journey.StartAsync(browser, kind);
        using var flow = await browser.GetFlowAsync(kind, expiredId);

        Server.Clock.Advance(TimeSpan.FromHours(2));
        try
        {
            using var response = await browser.PostFormAsync(OidcJourney.Action(flow),
                [new("csrf_token", OidcJourney.Csrf(flow)), new("method", "password"), new("traits.email", "late@example.org"), new("identifier", "late@example.org")]);

            response.StatusCode.ShouldBe(HttpStatusCode.SeeOther, await response.Content.ReadAsStringAsync());
            response.Headers.Location!.OriginalString.ShouldContain($"/ui/{kind}");
            var replacementId = FlowJson.FlowIdFromLocation(response);
            replacementId.ShouldNotBe(expiredId);
            using var replacement = await browser.GetFlowAsync(kind, replacementId);
            var button = FlowJson.Node(replacement.RootElement, "provider");
            button.GetProperty("group").GetString().ShouldBe("oidc");
            button.GetProperty("attributes").GetProperty("value").GetString().ShouldBe(OidcServer.ProviderId);
            replacement.RootElement.GetProperty("ui").GetProperty("nodes").EnumerateArray()
                .Count(n => n.GetProperty("group").GetString() == "oidc").ShouldBe(1);
        }
        finally
        {
            Server.Clock.Advance(TimeSpan.FromHours(-2));
        }
    }

    [Fact]
    public async Task UnknownProvider_IsProviderNotFound()
    {
        using var browser = new BrowserClient(Server.PublicUrl);
        var flowId = await _journey.StartAsync(browser, "login");
        using var flow = await browser.GetFlowAsync("login", flowId);

        using var submitted = await browser.SendJsonAsync(HttpMethod.Post, OidcJourney.Action(flow),
            new Dictionary<string, string> { ["method"] = "oidc", ["provider"] = "nobody", ["csrf_token"] = OidcJourney.Csrf(flow) });
        using var callback = await OidcJourney.SendAsync(browser, new Uri(Server.PublicUrl, "/self-service/methods/oidc/callback/nobody?state=x&code=y"), "application/problem+json");

        ((int)submitted.StatusCode).ShouldBe(404);
        submitted.Headers.GetValues("Ory-Error-Id").Single().ShouldBe("provider_not_found");
        ((int)callback.StatusCode).ShouldBe(404);
        callback.Headers.GetValues("Ory-Error-Id").Single().ShouldBe("provider_not_found");
    }

    [Fact]
    public async Task ProviderVouchingForTheEmailOfAPasswordAccount_NeverSignsIntoThatAccount()
    {
        var email = $"owner-{Guid.NewGuid():N}@example.org";
        using (var created = await Server.Admin.PostAsJsonAsync("/admin/identities", new
        {
            schema_id = "default",
            traits = new { email },
            credentials = new { password = new { config = new { password = "the owner's own passphrase 7" } } },
        }))
        {
            created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        }

        await fixture.Provider.ResetAsync(fixture.CallbackUrl);
        await fixture.Provider.ControlAsync(new { user = new { sub = $"attacker-{Guid.NewGuid():N}", email, email_verified = true } });
        using var browser = new BrowserClient(Server.PublicUrl);

        using var response = await _journey.SignInThroughProviderAsync(browser, "login");

        response.StatusCode.ShouldBe(HttpStatusCode.SeeOther);
        response.Headers.Location!.AbsolutePath.ShouldNotBe("/ui/welcome");
        (await OidcJourney.WhoamiStatusAsync(browser)).ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task ProviderWithoutEmailClaim_ShowsTheRegistrationFormWithTheMissingTrait()
    {
        await fixture.Provider.ResetAsync(fixture.CallbackUrl);
        await fixture.Provider.ControlAsync(new { user = new { sub = $"sub-{Guid.NewGuid():N}", given_name = "No Mail" } });
        using var browser = new BrowserClient(Server.PublicUrl);

        using var response = await _journey.SignInThroughProviderAsync(browser, "registration");

        response.StatusCode.ShouldBe(HttpStatusCode.SeeOther, await response.Content.ReadAsStringAsync());
        response.Headers.Location!.AbsolutePath.ShouldBe("/ui/registration");
        using var flow = await browser.GetFlowAsync("registration", FlowJson.FlowIdFromLocation(response));
        FlowJson.NodeMessageIds(flow.RootElement, "traits.email").ShouldNotBeEmpty();
        (await OidcJourney.WhoamiStatusAsync(browser)).ShouldBe(HttpStatusCode.Unauthorized);
    }
}

public sealed class SqliteOidcSignInTests(SqliteOidcServer fixture) : OidcSignInTests(fixture), IClassFixture<SqliteOidcServer>;

public sealed class PostgresOidcSignInTests(PostgresOidcServer fixture) : OidcSignInTests(fixture), IClassFixture<PostgresOidcServer>;
