// SPDX-License-Identifier: Apache-2.0
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Logging;
using Tessera.IntegrationTests.Fixtures;

namespace Tessera.IntegrationTests.Ui.Elements;

/// <summary>
/// The built Ory Elements app (tests/ui-elements/dist, built by test.sh) served by Kestrel on its own loopback port,
/// so it is another origin than Tessera. <c>/config.json</c> tells the app Tessera's public URL at run time, so the one
/// build works with any port; every other path that is not a file gets index.html (the app switches on the path).
/// </summary>
public sealed class ElementsApp : IAsyncDisposable
{
    private readonly WebApplication _app;
    private Uri? _sdkUrl;

    private ElementsApp(WebApplication app, Uri url)
    {
        _app = app;
        Url = url;
    }

    /// <summary>The app's origin with a trailing slash, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri Url { get; }

    /// <summary>The origin without the trailing slash, as a browser sends it in <c>Origin</c>.</summary>
    public string Origin => Url.GetLeftPart(UriPartial.Authority);

    /// <summary>Tessera's public URL, which <c>/config.json</c> hands the app. Set once Tessera has started.</summary>
    public Uri SdkUrl
    {
        get => _sdkUrl ?? throw new InvalidOperationException("Tessera's URL has not been set.");
        set => _sdkUrl = value;
    }

    public static string DistDirectory { get; } = Path.Combine(RepositoryPaths.Root, "tests", "ui-elements", "dist");

    public static async Task<ElementsApp> StartAsync()
    {
        var index = Path.Combine(DistDirectory, "index.html");
        if (!File.Exists(index))
        {
            throw new InvalidOperationException(
                $"{index} is missing: build the app first (cd tests/ui-elements && npm ci && npx vite build; test.sh does this).");
        }

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = DistDirectory, WebRootPath = DistDirectory });
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        ElementsApp? self = null;
        app.MapGet("/config.json", () => Results.Json(new { sdkUrl = self!.SdkUrl.AbsoluteUri }));
        app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(DistDirectory) });
        app.MapFallback(async context =>
        {
            context.Response.ContentType = "text/html; charset=utf-8";
            await context.Response.SendFileAsync(index);
        });
        await app.StartAsync();
        var address = app.Urls.Single();
        self = new ElementsApp(app, new Uri(address.TrimEnd('/') + "/"));
        return self;
    }

    /// <summary>An absolute URL of one of the app's pages, e.g. <c>Page("/login")</c>.</summary>
    public string Page(string pathAndQuery) => new Uri(Url, pathAndQuery).AbsoluteUri;

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
