// SPDX-License-Identifier: Apache-2.0
using System.Net;
using System.Text.RegularExpressions;
using Tessera.IntegrationTests.Fixtures;

namespace Tessera.IntegrationTests.OperatorConsole;

/// <summary>
/// A browser on the admin listener's console (cookies kept, redirects not followed): signs in, reads a page's CSRF
/// token from its forms, and submits forms with it.
/// </summary>
public sealed partial class ConsoleBrowser(TesseraTestServer server) : IDisposable
{
    private readonly BrowserClient _client = new(server.AdminUrl);

    public CookieContainer Cookies => _client.Cookies;

    public Task<HttpResponseMessage> GetAsync(string path) => _client.GetAsync(path);

    public Task<HttpResponseMessage> PostFormAsync(string path, params (string Name, string Value)[] fields) =>
        _client.PostFormAsync(path, fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));

    /// <summary>Signs in with <paramref name="adminKey"/> (none while admin auth is off) and expects the start page.</summary>
    public async Task SignInAsync(string? adminKey)
    {
        using var response = await PostFormAsync("/console/sign-in", ("admin_key", adminKey ?? string.Empty));
        response.StatusCode.ShouldBe(HttpStatusCode.SeeOther, await response.Content.ReadAsStringAsync());
        response.Headers.Location!.OriginalString.ShouldBe("/console");
    }

    /// <summary>A page's HTML, asserting 200.</summary>
    public async Task<string> PageAsync(string path)
    {
        using var response = await GetAsync(path);
        var html = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, html);
        return html;
    }

    /// <summary>Submits a console form: the CSRF token comes from the console start page, as a browser's would.</summary>
    public async Task<HttpResponseMessage> SubmitAsync(string path, params (string Name, string Value)[] fields) =>
        await PostFormAsync(path, [("csrf_token", CsrfTokenOf(await PageAsync("/console"))), .. fields]);

    public static string CsrfTokenOf(string html) => WebUtility.HtmlDecode(CsrfField().Match(html).Groups[1].Value);

    public static string? ErrorIdOf(string html) => ErrorIdAttribute().Match(html) is { Success: true } match ? match.Groups[1].Value : null;

    public void Dispose() => _client.Dispose();

    [GeneratedRegex("name=\"csrf_token\" value=\"([^\"]+)\"")]
    private static partial Regex CsrfField();

    [GeneratedRegex("data-error-id=\"([^\"]+)\"")]
    private static partial Regex ErrorIdAttribute();
}
