// SPDX-License-Identifier: Apache-2.0
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Tessera.IntegrationTests.Fixtures;

namespace Tessera.IntegrationTests.SelfService.Oidc;

/// <summary>The steps the linking tests share: through a flow to the provider and back, sessions, identities.</summary>
internal sealed class OidcJourney(OidcServer fixture)
{
    private TesseraTestServer Server => fixture.Server;

    /// <summary>Submits <paramref name="fields"/> (the provider button by default) on the flow, follows the provider, answers the callback as <paramref name="accept"/>.</summary>
    public async Task<HttpResponseMessage> ThroughProviderAsync(
        BrowserClient browser, string kind, string flowId, string accept = "text/html", IEnumerable<KeyValuePair<string, string>>? fields = null)
    {
        var (callback, last) = await ToCallbackAsync(browser, kind, flowId, fields);
        last.Dispose();
        return await SendAsync(browser, callback, accept);
    }

    /// <summary>A new flow of <paramref name="kind"/> through the provider's button, the callback answered as <paramref name="accept"/>.</summary>
    public async Task<HttpResponseMessage> SignInThroughProviderAsync(BrowserClient browser, string kind, string accept = "text/html") =>
        await ThroughProviderAsync(browser, kind, await StartAsync(browser, kind), accept);

    /// <summary>Everything up to the provider's redirect back (on a new flow unless <paramref name="flowId"/> names one): the callback URL, not yet requested, and the answer that named it.</summary>
    public async Task<(Uri Callback, HttpResponseMessage Last)> ToCallbackAsync(
        BrowserClient browser, string kind, string? flowId = null, IEnumerable<KeyValuePair<string, string>>? fields = null)
    {
        using var flow = await browser.GetFlowAsync(kind, flowId ?? await StartAsync(browser, kind));
        var response = await browser.PostFormAsync(Action(flow),
            [new("csrf_token", Csrf(flow)), .. fields ?? [new("provider", OidcServer.ProviderId)]]);
        return await FollowToCallbackAsync(browser, response);
    }

    /// <summary>Follows redirects from <paramref name="response"/> (to the provider and through it) up to the callback URL, which is not requested.</summary>
    public Task<(Uri Callback, HttpResponseMessage Last)> FollowToCallbackAsync(BrowserClient browser, HttpResponseMessage response) =>
        FollowToCallbackAsync(browser, response, fixture.Provider.Issuer);

    /// <summary>As above, for the provider at <paramref name="issuer"/> (relative redirects are the provider's).</summary>
    public static async Task<(Uri Callback, HttpResponseMessage Last)> FollowToCallbackAsync(BrowserClient browser, HttpResponseMessage response, Uri issuer)
    {
        for (var hop = 0; hop < 10; hop++)
        {
            response.StatusCode.ShouldBeOneOf([HttpStatusCode.SeeOther, HttpStatusCode.Found], await response.Content.ReadAsStringAsync());
            var location = new Uri(issuer, response.Headers.Location!);
            if (IsCallback(location))
            {
                return (location, response);
            }

            response.Dispose();
            response = await browser.GetAsync(location.AbsoluteUri);
        }

        throw new InvalidOperationException("the provider never redirected back");
    }

    /// <summary>A browser navigation to <paramref name="target"/> (an SPA's <c>redirect_browser_to</c>) through the provider, up to the callback URL.</summary>
    public async Task<Uri> NavigateToCallbackAsync(BrowserClient browser, Uri target)
    {
        var (callback, last) = await FollowToCallbackAsync(browser, await browser.GetAsync(target.AbsoluteUri));
        last.Dispose();
        return callback;
    }

    public static bool IsCallback(Uri location) => location.AbsolutePath.StartsWith("/self-service/methods/oidc/callback/", StringComparison.Ordinal);

    /// <summary>Requests <paramref name="url"/> as a browser navigation (text/html) or a script asking for <paramref name="accept"/>.</summary>
    public static async Task<HttpResponseMessage> SendAsync(BrowserClient browser, Uri url, string accept)
    {
        if (accept == "text/html")
        {
            return await browser.GetAsync(url.AbsoluteUri);
        }

        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        return await browser.SendAsync(request, accept);
    }

    public async Task<string> StartAsync(BrowserClient browser, string kind)
    {
        using var response = await browser.GetAsync($"/self-service/{kind}/browser");
        response.StatusCode.ShouldBe(HttpStatusCode.SeeOther, await response.Content.ReadAsStringAsync());
        return FlowJson.FlowIdFromLocation(response);
    }

    public async Task ProviderUserAsync(string subject, string? email, bool verified)
    {
        await fixture.Provider.ResetAsync(fixture.CallbackUrl);
        await fixture.Provider.ControlAsync(new { user = new { sub = subject, email, email_verified = verified } });
    }

    /// <summary>The password of every password account these tests create.</summary>
    public const string OwnerPassword = "the owner's own passphrase 7";

    /// <summary>A password account with a fresh address, signed in by <paramref name="browser"/>: its id.</summary>
    public async Task<string> SignedInOwnerAsync(BrowserClient browser)
    {
        var email = $"owner-{Guid.NewGuid():N}@example.org";
        var id = await CreatePasswordIdentityAsync(email, OwnerPassword);
        await SignInWithPasswordAsync(browser, email, OwnerPassword);
        return id;
    }

    public async Task<string> CreatePasswordIdentityAsync(string email, string password)
    {
        using var created = await Server.Admin.PostAsJsonAsync("/admin/identities", new
        {
            schema_id = "default",
            traits = new { email },
            credentials = new { password = new { config = new { password } } },
        });
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        using var body = JsonDocument.Parse(await created.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("id").GetString()!;
    }

    public async Task<JsonElement> IdentityAsync(string id)
    {
        using var response = await Server.Admin.GetAsync($"/admin/identities/{id}?include_credential=oidc");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    public async Task<IReadOnlyList<string>> OidcIdentifiersAsync(string id) =>
        (await IdentityAsync(id)).GetProperty("credentials").TryGetProperty("oidc", out var oidc)
            ? oidc.GetProperty("identifiers").EnumerateArray().Select(i => i.GetString()!).ToList()
            : [];

    public async Task SignInWithPasswordAsync(BrowserClient browser, string email, string password)
    {
        using var login = await browser.GetFlowAsync("login", await StartAsync(browser, "login"));
        using var response = await browser.PostFormAsync(Action(login),
            [new("csrf_token", Csrf(login)), new("method", "password"), new("identifier", email), new("password", password)]);
        response.StatusCode.ShouldBe(HttpStatusCode.SeeOther, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Signs up through the provider as <paramref name="subject"/>: an identity with only the oidc credential, signed in.</summary>
    public async Task<string> SignUpThroughProviderAsync(BrowserClient browser, string subject)
    {
        await ProviderUserAsync(subject, $"social-{Guid.NewGuid():N}@example.org", verified: true);
        using var response = await ThroughProviderAsync(browser, "registration", await StartAsync(browser, "registration"));
        response.StatusCode.ShouldBe(HttpStatusCode.SeeOther, await response.Content.ReadAsStringAsync());
        return (await SessionIdentityAsync(browser))!;
    }

    public static IEnumerable<KeyValuePair<string, string>> Submit(string field, string value) =>
        [new("method", "oidc"), new(field, value)];

    public static async Task<string?> SessionIdentityAsync(BrowserClient browser)
    {
        using var response = await browser.SendJsonAsync(HttpMethod.Get, "/sessions/whoami", null);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            return null;
        }

        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("identity").GetProperty("id").GetString();
    }

    public static async Task<JsonElement> WhoamiAsync(BrowserClient browser)
    {
        using var response = await browser.SendJsonAsync(HttpMethod.Get, "/sessions/whoami", null);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    public static async Task<HttpStatusCode> WhoamiStatusAsync(BrowserClient browser)
    {
        using var response = await browser.SendJsonAsync(HttpMethod.Get, "/sessions/whoami", null);
        return response.StatusCode;
    }

    /// <summary>The <c>error</c> object of the self-service error a browser was redirected to.</summary>
    public static async Task<JsonElement> ErrorOfErrorPageAsync(BrowserClient browser, HttpResponseMessage redirect, Uri publicUrl)
    {
        redirect.StatusCode.ShouldBe(HttpStatusCode.SeeOther, await redirect.Content.ReadAsStringAsync());
        var id = System.Web.HttpUtility.ParseQueryString(new Uri(publicUrl, redirect.Headers.Location!).Query)["id"]!;
        using var shown = await browser.SendJsonAsync(HttpMethod.Get, $"/self-service/errors?id={id}", null);
        using var error = JsonDocument.Parse(await shown.Content.ReadAsStringAsync());
        return error.RootElement.GetProperty("error").Clone();
    }

    public static async Task<string> ErrorIdOfErrorPageAsync(BrowserClient browser, HttpResponseMessage redirect, Uri publicUrl) =>
        (await ErrorOfErrorPageAsync(browser, redirect, publicUrl)).GetProperty("id").GetString()!;

    public static string Action(JsonDocument flow) => flow.RootElement.GetProperty("ui").GetProperty("action").GetString()!;

    public static string Csrf(JsonDocument flow) => FlowJson.NodeValue(flow.RootElement, "csrf_token")!;
}
