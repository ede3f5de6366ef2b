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
        using var flow = await browser.GetFlowAsync(kind, flowId);
        var response = await browser.PostFormAsync(Action(flow),
            [new("csrf_token", Csrf(flow)), .. fields ?? [new("provider", OidcServer.ProviderId)]]);
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

    public static async Task<string> ErrorIdOfErrorPageAsync(BrowserClient browser, HttpResponseMessage redirect, Uri publicUrl)
    {
        redirect.StatusCode.ShouldBe(HttpStatusCode.SeeOther, await redirect.Content.ReadAsStringAsync());
        var id = System.Web.HttpUtility.ParseQueryString(new Uri(publicUrl, redirect.Headers.Location!).Query)["id"]!;
        using var shown = await browser.SendJsonAsync(HttpMethod.Get, $"/self-service/errors?id={id}", null);
        using var error = JsonDocument.Parse(await shown.Content.ReadAsStringAsync());
        return error.RootElement.GetProperty("error").GetProperty("id").GetString()!;
    }

    public static string Action(JsonDocument flow) => flow.RootElement.GetProperty("ui").GetProperty("action").GetString()!;

    public static string Csrf(JsonDocument flow) => FlowJson.NodeValue(flow.RootElement, "csrf_token")!;
}
