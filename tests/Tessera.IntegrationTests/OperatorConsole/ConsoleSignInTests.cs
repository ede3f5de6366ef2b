// SPDX-License-Identifier: Apache-2.0
using System.Net;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Tessera.IntegrationTests.Fixtures;
using Tessera.Persistence;
using Tessera.Security.ApiKeys;

namespace Tessera.IntegrationTests.OperatorConsole;

/// <summary>/console's door: the admin key pasted once, a short-lived HttpOnly SameSite=Strict session, CSRF on forms.</summary>
public abstract class ConsoleSignInTests(DatabaseKind kind)
{
    private static readonly Dictionary<string, string> KeysRequired = new() { ["serve.admin.auth.required"] = "true" };

    [Fact]
    public async Task ConsolePage_WithoutSession_RedirectsToSignIn()
    {
        await using var server = await TesseraTestServer.StartAsync(kind, KeysRequired);
        using var browser = new ConsoleBrowser(server);

        using var response = await browser.GetAsync("/console");

        response.StatusCode.ShouldBe(HttpStatusCode.SeeOther);
        response.Headers.Location!.OriginalString.ShouldBe("/console/sign-in");
        (await browser.PageAsync("/console/sign-in")).ShouldContain("name=\"admin_key\"");
    }

    [Fact]
    public async Task SignIn_WithValidAdminKey_SetsStrictHttpOnlyCookie_StoresOnlyItsHash_AndShowsTheNavigation()
    {
        await using var server = await TesseraTestServer.StartAsync(kind, KeysRequired);
        var (_, key) = await server.Services.GetRequiredService<ApiKeyService>().CreateAsync(ApiKeyKind.Admin, "console", null);
        using var browser = new ConsoleBrowser(server);

        using var response = await browser.PostFormAsync("/console/sign-in", ("admin_key", key));

        response.StatusCode.ShouldBe(HttpStatusCode.SeeOther);
        var setCookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("tessera_console=", StringComparison.Ordinal));
        setCookie.ShouldContain("httponly", Case.Insensitive);
        setCookie.ShouldContain("samesite=strict", Case.Insensitive);
        setCookie.ShouldContain("path=/console", Case.Insensitive);
        var token = browser.Cookies.GetCookies(new Uri(server.AdminUrl, "/console"))["tessera_console"]!.Value;
        await using (var connection = await server.Services.GetRequiredService<Database>().OpenAsync())
        {
            var stored = (await connection.QueryAsync<string>("SELECT token_hash FROM console_sessions")).ToList();
            stored.Count.ShouldBe(1);
            stored[0].ShouldNotBe(token);
            stored[0].ShouldNotContain(key);
        }

        var home = await browser.PageAsync("/console");
        foreach (var path in new[] { "/console/identities", "/console/sessions", "/console/courier", "/console/hooks", "/console/errors" })
        {
            home.ShouldContain($"href=\"{path}\"");
        }

        home.ShouldNotContain("tessera keys create");
    }

    [Theory]
    [InlineData("", "api_key_missing")]
    [InlineData("tessera_admin_notakey", "api_key_invalid")]
    public async Task SignIn_WithoutValidKey_ShowsCatalogErrorAndSetsNoCookie(string key, string errorId)
    {
        await using var server = await TesseraTestServer.StartAsync(kind, KeysRequired);
        using var browser = new ConsoleBrowser(server);

        using var response = await browser.PostFormAsync("/console/sign-in", ("admin_key", key));

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        ConsoleBrowser.ErrorIdOf(await response.Content.ReadAsStringAsync()).ShouldBe(errorId);
        response.Headers.Contains("Set-Cookie").ShouldBeFalse();
    }

    [Fact]
    public async Task ConsoleSession_EndsWhenItsKeyIsRevoked_AndWhenItExpires()
    {
        await using var server = await TesseraTestServer.StartAsync(kind, KeysRequired);
        var (apiKey, value) = await server.Services.GetRequiredService<ApiKeyService>().CreateAsync(ApiKeyKind.Admin, "console", null);
        using var revoked = new ConsoleBrowser(server);
        await revoked.SignInAsync(value);
        await revoked.PageAsync("/console");

        var (otherKey, otherValue) = await server.Services.GetRequiredService<ApiKeyService>().CreateAsync(ApiKeyKind.Admin, "other", null);
        using var kept = new ConsoleBrowser(server);
        await kept.SignInAsync(otherValue);

        var keyStore = server.Services.GetRequiredService<ApiKeyStore>();
        await keyStore.RevokeAsync(keyStore.AdminOwner, apiKey.Id);
        using (var afterRevocation = await revoked.GetAsync("/console"))
        {
            afterRevocation.StatusCode.ShouldBe(HttpStatusCode.SeeOther);
        }

        await kept.PageAsync("/console");
        server.Clock.Advance(TimeSpan.FromMinutes(61));
        using var afterExpiry = await kept.GetAsync("/console");
        afterExpiry.StatusCode.ShouldBe(HttpStatusCode.SeeOther);
        otherKey.IsUsableAt(server.Clock.GetUtcNow()).ShouldBeTrue();
    }

    [Fact]
    public async Task Post_WithoutCsrfToken_Answers403CsrfViolation_AndSignOutWithTokenEndsTheSession()
    {
        await using var server = await TesseraTestServer.StartAsync(kind, KeysRequired);
        var (_, key) = await server.Services.GetRequiredService<ApiKeyService>().CreateAsync(ApiKeyKind.Admin, "console", null);
        using var browser = new ConsoleBrowser(server);
        await browser.SignInAsync(key);

        using (var forged = await browser.PostFormAsync("/console/sign-out", ("csrf_token", "forged")))
        {
            forged.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
            ConsoleBrowser.ErrorIdOf(await forged.Content.ReadAsStringAsync()).ShouldBe("security_csrf_violation");
        }

        await browser.PageAsync("/console");
        using (var signOut = await browser.SubmitAsync("/console/sign-out"))
        {
            signOut.StatusCode.ShouldBe(HttpStatusCode.SeeOther);
        }

        using var after = await browser.GetAsync("/console");
        after.StatusCode.ShouldBe(HttpStatusCode.SeeOther);
    }

    [Fact]
    public async Task SignIn_WhileAdminAuthIsOff_NeedsNoKey_AndSaysAuthIsOff_UntilAKeyExists()
    {
        await using var server = await TesseraTestServer.StartAsync(kind);
        using var browser = new ConsoleBrowser(server);
        (await browser.PageAsync("/console/sign-in")).ShouldContain("tessera keys create");

        await browser.SignInAsync(null);

        (await browser.PageAsync("/console")).ShouldContain("tessera keys create");
        await server.Services.GetRequiredService<ApiKeyService>().CreateAsync(ApiKeyKind.Admin, "first", null);
        using var response = await browser.GetAsync("/console");
        response.StatusCode.ShouldBe(HttpStatusCode.SeeOther);
    }

    [Fact]
    public async Task Console_OnThePublicListener_IsNotFound()
    {
        await using var server = await TesseraTestServer.StartAsync(kind);

        using var response = await server.Public.GetAsync("/console/sign-in");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}

public sealed class SqliteConsoleSignInTests() : ConsoleSignInTests(DatabaseKind.Sqlite);

public sealed class PostgresConsoleSignInTests() : ConsoleSignInTests(DatabaseKind.Postgres);
