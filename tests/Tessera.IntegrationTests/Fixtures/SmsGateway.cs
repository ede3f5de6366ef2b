// SPDX-License-Identifier: Apache-2.0
using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Tessera.IntegrationTests.Fixtures;

/// <summary>
/// A hand-written SMS gateway: real HTTP on a free 127.0.0.1 port (Kestrel) that records every request (method,
/// path, headers, body) and answers with the status a test sets (200 unless told). Messages are found by the phone
/// number their body carries (its JSON strings decoded: a template writes "+" as "\u002B"), so tests sharing one
/// gateway do not see each other's messages.
/// </summary>
public sealed partial class SmsGateway : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<Received> _received = new();
    private int _status = 200;

    private SmsGateway(WebApplication app) => _app = app;

    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>The URL a channel's <c>request_config.url</c> points at.</summary>
    public string Url => new Uri(BaseUrl, "/sms").AbsoluteUri;

    public static async Task<SmsGateway> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var gateway = new SmsGateway(app);
        app.Run(gateway.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        gateway.BaseUrl = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal));
        return gateway;
    }

    /// <summary>Every later request is answered with <paramref name="status"/>.</summary>
    public void AnswerWith(int status) => Interlocked.Exchange(ref _status, status);

    public IReadOnlyList<Received> ReceivedFor(string phoneNumber) =>
        _received.Where(r => r.Text.Contains(phoneNumber, StringComparison.Ordinal)).ToList();

    public async Task<Received> WaitForAsync(string phoneNumber, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (DateTime.UtcNow < deadline)
        {
            if (ReceivedFor(phoneNumber) is [var first, ..])
            {
                return first;
            }

            await Task.Delay(25);
        }

        throw new TimeoutException($"no message for {phoneNumber}");
    }

    /// <summary>The six-digit code in the (last) message to <paramref name="phoneNumber"/>.</summary>
    public async Task<string> CodeForAsync(string phoneNumber)
    {
        await WaitForAsync(phoneNumber);
        var code = SixDigits().Match(ReceivedFor(phoneNumber)[^1].Text).Value;
        code.ShouldNotBeNullOrEmpty();
        return code;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        _received.Enqueue(new Received(context.Request.Method, context.Request.Path, headers, body, Decode(body)));
        context.Response.StatusCode = Volatile.Read(ref _status);
    }

    private static string Decode(string body)
    {
        try
        {
            return string.Join('\n', Strings(JsonNode.Parse(body)));
        }
        catch (JsonException)
        {
            return body;
        }
    }

    private static IEnumerable<string> Strings(JsonNode? node) => node switch
    {
        JsonObject obj => obj.SelectMany(p => Strings(p.Value)),
        JsonArray array => array.SelectMany(Strings),
        JsonValue value when value.GetValueKind() == JsonValueKind.String => [value.GetValue<string>()],
        _ => [],
    };

    [GeneratedRegex(@"\b\d{6}\b")]
    private static partial Regex SixDigits();

    /// <param name="Text">The body's JSON string values, decoded, one a line (the body itself when it is not JSON).</param>
    public sealed record Received(string Method, string Path, IReadOnlyDictionary<string, string> Headers, string Body, string Text);
}
