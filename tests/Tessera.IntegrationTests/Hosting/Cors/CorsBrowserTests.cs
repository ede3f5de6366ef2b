// SPDX-License-Identifier: Apache-2.0
using System.Text.Json;
using Tessera.IntegrationTests.Fixtures;

namespace Tessera.IntegrationTests.Hosting.Cors;

/// <summary>
/// A single-page app on another origin (another loopback port: cross-origin, same site, as the Ory Elements test app is served), in real Chromium, signs in
/// through the browser login flow with <c>fetch(..., {credentials: "include"})</c> and reads whoami: what Ory
/// Elements does against Kratos with <c>serve.public.cors</c> listing the app's origin.
/// </summary>
public sealed class CorsBrowserTests(ChromiumBrowser chromium) : IClassFixture<ChromiumBrowser>
{
    private const string Password = "a long passphrase for cors 42";

    private const string SignIn = """
        async ([base, email, password]) => {
          const json = { Accept: 'application/json' };
          const flow = await (await fetch(base + '/self-service/login/browser', { credentials: 'include', headers: json })).json();
          const csrf = flow.ui.nodes.find(n => n.attributes.name === 'csrf_token').attributes.value;
          const login = await fetch(base + '/self-service/login?flow=' + flow.id, {
            method: 'POST', credentials: 'include', headers: { ...json, 'Content-Type': 'application/json' },
            body: JSON.stringify({ method: 'password', csrf_token: csrf, identifier: email, password }),
          });
          const whoami = await fetch(base + '/sessions/whoami', { credentials: 'include', headers: json });
          return JSON.stringify({ login: login.status, whoami: whoami.status, session: await whoami.json() });
        }
        """;

    [Fact]
    public async Task SinglePageApp_OnAListedOrigin_SignsInWithCookiesAndReadsWhoami()
    {
        await using var app = await AppOrigin.StartAsync();
        var appOrigin = app.Origin;
        await using var server = await TesseraTestServer.StartAsync(DatabaseKind.Sqlite, new Dictionary<string, string>
        {
            ["serve.public.cors.enabled"] = "true",
            ["serve.public.cors.allowed_origins"] = $"[\"{appOrigin}\"]",
        });
        var email = $"cors-{Guid.NewGuid():N}@example.com";
        await TestIdentities.CreateAsync(server, email, Password);
        await using var context = await chromium.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(appOrigin + "/");

        var result = await page.EvaluateAsync<string>(SignIn, new[] { server.PublicUrl.AbsoluteUri.TrimEnd('/'), email, Password });

        using var answer = JsonDocument.Parse(result);
        answer.RootElement.GetProperty("login").GetInt32().ShouldBe(200, result);
        answer.RootElement.GetProperty("whoami").GetInt32().ShouldBe(200, result);
        answer.RootElement.GetProperty("session").GetProperty("identity").GetProperty("traits").GetProperty("email").GetString().ShouldBe(email);
    }

    [Fact]
    public async Task SinglePageApp_OnAnUnlistedOrigin_CannotReadTheFlow()
    {
        await using var app = await AppOrigin.StartAsync();
        var appOrigin = app.Origin;
        await using var server = await TesseraTestServer.StartAsync(DatabaseKind.Sqlite, new Dictionary<string, string>
        {
            ["serve.public.cors.enabled"] = "true",
            ["serve.public.cors.allowed_origins"] = "[\"https://somewhere-else.example\"]",
        });
        await using var context = await chromium.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(appOrigin + "/");

        var outcome = await page.EvaluateAsync<string>("""
            async (base) => {
              try { await fetch(base + '/self-service/login/api', { credentials: 'include' }); return 'read'; }
              catch { return 'blocked'; }
            }
            """, server.PublicUrl.AbsoluteUri.TrimEnd('/'));

        outcome.ShouldBe("blocked");
    }
}
