// SPDX-License-Identifier: Apache-2.0
using System.Runtime.CompilerServices;
using Microsoft.Playwright;

namespace Tessera.IntegrationTests.Fixtures;

/// <summary>
/// One headless Debian chromium per test class (<c>IClassFixture&lt;ChromiumBrowser&gt;</c>), driven by Playwright's
/// bundled node driver. Browsers are never downloaded (<c>playwright install</c> cannot reach its CDN here): test.sh
/// installs Debian's <c>chromium</c>. The host resolver maps every name to nothing except 127.0.0.1 and localhost (the
/// passkey tests need a domain as WebAuthn relying party; it resolves to loopback), so a page can
/// reach the loopback test server and nothing else.
/// </summary>
public sealed class ChromiumBrowser : IAsyncLifetime
{
    public const string ExecutablePath = "/usr/bin/chromium";

    private static readonly string[] Flags =
    [
        "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--no-first-run", "--disable-domain-reliability", "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost",
    ];

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The browser has not started.");

    /// <summary>Where each page's screenshot goes: tests/Tessera.IntegrationTests/screenshots/ (gitignored, a test artifact).</summary>
    public static string ScreenshotDirectory { get; } = Path.Combine(ProjectDirectory(), "screenshots");

    public async Task InitializeAsync()
    {
        if (!File.Exists(ExecutablePath))
        {
            throw new InvalidOperationException($"{ExecutablePath} is missing: apt-get install -y chromium (test.sh does this).");
        }

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = ExecutablePath, Headless = true, Args = Flags });
    }

    /// <summary>A fresh browser profile (no cookies) for one test; <paramref name="locale"/> is its language (<c>Accept-Language</c>).</summary>
    public Task<IBrowserContext> NewContextAsync(bool javaScriptEnabled = true, string locale = "en-US") =>
        Browser.NewContextAsync(new BrowserNewContextOptions { JavaScriptEnabled = javaScriptEnabled, Locale = locale, ViewportSize = new() { Width = 900, Height = 900 } });

    public static async Task ScreenshotAsync(IPage page, string name)
    {
        Directory.CreateDirectory(ScreenshotDirectory);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotDirectory, name + ".png"), FullPage = true });
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }

    private static string ProjectDirectory([CallerFilePath] string path = "") => Path.GetDirectoryName(Path.GetDirectoryName(path)!)!;
}
