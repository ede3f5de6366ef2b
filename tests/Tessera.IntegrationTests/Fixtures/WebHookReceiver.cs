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
/// A hand-written HTTP receiver for web hooks and SMS gateways: real HTTP on a free 127.0.0.1 port (Kestrel). Every
/// request is recorded (path, headers, body) as it arrives. Answers are scripted per path and per identity e-mail (the
/// payload's <c>identity.traits.email</c>), so tests sharing one server do not see each other's scripts; unscripted
/// calls answer with <see cref="AnswerWith"/>'s status (200 unless told) and an empty body. A script's replies are used
/// in order, the last one repeating. Text messages are found by the phone number their body carries (its JSON strings
/// decoded: a template writes "+" as "\u002B"), so tests sharing one gateway do not see each other's messages.
/// </summary>
public sealed partial class WebHookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<(string Path, string Email), ConcurrentQueue<Reply>> _scripts = new();
    private readonly ConcurrentQueue<ReceivedHook> _received = new();
    private int _status = 200;

    private WebHookReceiver(WebApplication app) => _app = app;

    public Uri BaseUrl { get; private set; } = null!;

    public static async Task<WebHookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var receiver = new WebHookReceiver(app);
        app.Run(receiver.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        receiver.BaseUrl = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal));
        return receiver;
    }

    public string UrlFor(string path) => new Uri(BaseUrl, path).AbsoluteUri;

    /// <summary>The URL an sms channel's <c>request_config.url</c> points at.</summary>
    public string Url => UrlFor("/sms");

    /// <summary>Every later unscripted request is answered with <paramref name="status"/>.</summary>
    public void AnswerWith(int status) => Interlocked.Exchange(ref _status, status);

    /// <summary>The requests whose body mentions <paramref name="phoneNumber"/> (text messages to it).</summary>
    public IReadOnlyList<ReceivedHook> ReceivedFor(string phoneNumber) =>
        _received.Where(r => r.Text.Contains(phoneNumber, StringComparison.Ordinal)).ToList();

    public async Task<ReceivedHook> WaitForAsync(string phoneNumber, TimeSpan? timeout = null)
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

    public void Script(string path, string email, params Reply[] replies) => _scripts[(path, email)] = new ConcurrentQueue<Reply>(replies);

    public IReadOnlyList<ReceivedHook> ReceivedFor(string path, string email) =>
        _received.Where(r => r.Path == path && r.Email == email).ToList();

    public async Task<ReceivedHook> WaitForAsync(string path, string email, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            var hits = ReceivedFor(path, email);
            if (hits.Count > 0)
            {
                return hits[0];
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"no call to {path} for {email}");
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
        var email = string.Empty;
        try
        {
            email = JsonNode.Parse(body)?["identity"]?["traits"]?["email"]?.GetValue<string>() ?? string.Empty;
        }
        catch (JsonException)
        {
            // A templated body need not be JSON at all: such calls are recorded without an e-mail.
        }

        var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        _received.Enqueue(new ReceivedHook(context.Request.Path, email, context.Request.Method, headers, body) { Text = Decode(body) });

        var reply = new Reply(Volatile.Read(ref _status));
        if (_scripts.TryGetValue((context.Request.Path, email), out var queue))
        {
            reply = queue.Count > 1 && queue.TryDequeue(out var next) ? next : queue.TryPeek(out var last) ? last : Reply.Ok;
        }

        if (reply.Delay > TimeSpan.Zero || reply.Hold is not null)
        {
            try
            {
                await Task.Delay(reply.Delay, context.RequestAborted);
                await (reply.Hold ?? Task.CompletedTask).WaitAsync(context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }

        context.Response.StatusCode = reply.Status;
        if (reply.Body is not null)
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(reply.Body);
        }
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

    /// <param name="Hold">When set, the answer waits until this task completes (a test's gate).</param>
    public sealed record Reply(int Status, string? Body = null, TimeSpan Delay = default, Task? Hold = null)
    {
        public static readonly Reply Ok = new(200);
    }

    public sealed record ReceivedHook(string Path, string Email, string Method, IReadOnlyDictionary<string, string> Headers, string Body)
    {
        /// <summary>The body's JSON string values, decoded, one a line (the body itself when it is not JSON).</summary>
        public string Text { get; init; } = Body;
    }
}
