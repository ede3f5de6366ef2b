// SPDX-License-Identifier: Apache-2.0
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Tessera.IntegrationTests.RateLimiting;

/// <summary>A Turnstile-compatible verify endpoint on 127.0.0.1: answers <see cref="Success"/>, records the form.</summary>
public sealed class CaptchaVerifierStub : IAsyncDisposable
{
    private readonly WebApplication _app;

    private CaptchaVerifierStub(WebApplication app, Uri url)
    {
        _app = app;
        VerifyUrl = url;
    }

    public Uri VerifyUrl { get; }

    public bool Success { get; set; }

    public List<Dictionary<string, string>> Requests { get; } = [];

    public static async Task<CaptchaVerifierStub> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        CaptchaVerifierStub? stub = null;
        app.MapPost("/siteverify", async (HttpRequest request) =>
        {
            var form = await request.ReadFormAsync();
            lock (stub!.Requests)
            {
                stub.Requests.Add(form.ToDictionary(f => f.Key, f => f.Value.ToString()));
            }

            return Results.Json(new { success = stub.Success });
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        stub = new CaptchaVerifierStub(app, new Uri(new Uri(address), "/siteverify"));
        return stub;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
