// SPDX-License-Identifier: Apache-2.0
using System.Net;
using System.Text.Json;
using Tessera.Errors;
using Tessera.IntegrationTests.Fixtures;

namespace Tessera.IntegrationTests.Localization;

/// <summary>
/// A catalog entry's cause and resolution in the request's language: on its reference page (<c>/ui/errors/&lt;id&gt;</c>,
/// and a UI message's page when the entry's words are its own) and in <c>application/problem+json</c>
/// (<c>cause</c>, <c>resolution</c>), by <c>Accept-Language</c> or <c>?lang=</c>; English without either.
/// </summary>
public sealed class LocalizedCauseAndResolutionTests(SqliteServer fixture) : IClassFixture<SqliteServer>
{
    private TesseraTestServer Server => fixture.Server;

    [Theory]
    [InlineData("de", "Die Kennung ist unbekannt", "Personen: Prüfen Sie Kennung und Passwort")]
    [InlineData("fr", "L'identifiant est inconnu", "Utilisateurs : vérifiez l'identifiant et le mot de passe")]
    public async Task ReferencePage_ShowsCauseAndResolutionInTheBrowsersLanguage(string language, string cause, string resolution)
    {
        var entry = ErrorCatalog.CredentialsInvalid;

        var page = await PageAsync($"/ui/errors/{entry.Id}", language);
        var message = await PageAsync("/ui/errors/4000006", language);
        var english = await PageAsync($"/ui/errors/{entry.Id}", null);

        page.ShouldContain($"lang=\"{language}\"");
        page.ShouldContain(WebUtility.HtmlEncode(cause));
        page.ShouldContain(WebUtility.HtmlEncode(resolution));
        page.ShouldNotContain(WebUtility.HtmlEncode(entry.Cause));
        message.ShouldContain(WebUtility.HtmlEncode(cause));
        english.ShouldContain(WebUtility.HtmlEncode(entry.Cause));
        english.ShouldContain(WebUtility.HtmlEncode(entry.Resolution));
    }

    [Theory]
    [InlineData("fr", null, "Tessera ne sert pas ce chemin")]
    [InlineData(null, "de", "Der Pfad wird von Tessera auf diesem Listener nicht bedient")]
    [InlineData(null, null, "The path is not one Tessera serves on this listener")]
    public async Task ProblemDetails_CarryCauseAndResolutionInTheRequestsLanguage(string? acceptLanguage, string? lang, string cause)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/no/such/path/{Guid.NewGuid():N}" + (lang is null ? string.Empty : $"?lang={lang}"));
        request.Headers.Accept.ParseAdd("application/problem+json");
        if (acceptLanguage is not null)
        {
            request.Headers.AcceptLanguage.ParseAdd(acceptLanguage);
        }

        using var response = await Server.Public.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        problem.RootElement.GetProperty("title").GetString().ShouldBe("not_found");
        problem.RootElement.GetProperty("cause").GetString()!.ShouldStartWith(cause);
        var resolution = problem.RootElement.GetProperty("resolution").GetString()!;
        resolution.ShouldNotBeNullOrWhiteSpace();
        (resolution == ErrorCatalog.NotFound.Resolution).ShouldBe(acceptLanguage is null && lang is null, resolution);
        resolution.ShouldContain("4433");
    }

    private async Task<string> PageAsync(string path, string? language)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (language is not null)
        {
            request.Headers.AcceptLanguage.ParseAdd(language);
        }

        using var response = await Server.Public.SendAsync(request);
        var html = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, html);
        return html;
    }
}
