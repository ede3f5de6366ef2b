// SPDX-License-Identifier: Apache-2.0
using System.Net;
using System.Text.Json;
using Tessera.IntegrationTests.Fixtures;
using static Tessera.IntegrationTests.OAuth2.Authorization.FlowRequests;

namespace Tessera.IntegrationTests.Localization;

/// <summary>The consent page speaks the browser's language too; the scopes it names keep their ids.</summary>
public sealed class LocalizedConsentPageTests(SqliteServer fixture) : IClassFixture<SqliteServer>
{
    private const string Password = "a localized passphrase 2";

    private TesseraTestServer Server => fixture.Server;

    [Fact]
    public async Task ConsentPage_WithLangDe_IsGerman_AndNamesTheScopesById()
    {
        using var browser = new BrowserClient(Server.PublicUrl);
        var identityId = await SignInAsync(Server, browser, Password);
        var (_, challenge) = await StartConsentAsync(Server, identityId.ToString(), scope: "openid email");

        using var page = await browser.GetAsync($"/ui/consent?consent_challenge={challenge}&lang=de");

        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync());
        html.ShouldContain("<html lang=\"de\">");
        html.ShouldContain("möchte auf Ihr Konto zugreifen");
        html.ShouldContain("data-scope=\"email\">Ihre E-Mail-Adresse sehen<");
        html.ShouldContain("id=\"allow\">Erlauben<");
        html.ShouldContain("id=\"deny\">Ablehnen<");
    }
}
