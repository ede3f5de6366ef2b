// SPDX-License-Identifier: Apache-2.0
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Tessera.IntegrationTests.Fixtures;

/// <summary>
/// A small SMTP server on 127.0.0.1 for tests: speaks EHLO/HELO, MAIL FROM, RCPT TO, DATA, RSET, NOOP, QUIT (no TLS,
/// no AUTH), and records every message it accepts. It can be told to refuse mail with a 4xx/5xx reply, and be
/// stopped and started again on the same port (the SMTP server is "down" in between).
/// <code>
/// await using var sink = SmtpSink.Start();
/// settings["courier.smtp.connection_uri"] = sink.ConnectionUri;
/// var mail = await sink.WaitForMessageAsync("user@example.com");   // mail.Subject, mail.TextBody, mail.HtmlBody
/// </code>
/// </summary>
public sealed class SmtpSink : IAsyncDisposable
{
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(15);
    private readonly List<SmtpSinkMessage> _messages = [];
    private readonly Lock _lock = new();
    private TcpListener? _listener;
    private CancellationTokenSource _stopping = new();
    private string? _refusal;

    private SmtpSink(int port) => Port = port;

    public int Port { get; private set; }

    /// <summary>The value for <c>courier.smtp.connection_uri</c> (cleartext: the sink has no TLS).</summary>
    public string ConnectionUri => $"smtp://127.0.0.1:{Port}/?disable_starttls=true";

    public IReadOnlyList<SmtpSinkMessage> Messages
    {
        get
        {
            lock (_lock)
            {
                return [.. _messages];
            }
        }
    }

    /// <summary>How many MAIL FROM commands it refused.</summary>
    public int Refused { get; private set; }

    public static SmtpSink Start()
    {
        var sink = new SmtpSink(0);
        sink.Listen();
        return sink;
    }

    /// <summary>From now on answer MAIL FROM with this reply, e.g. <c>"451 4.3.0 try again later"</c> or <c>"550 5.7.1 no"</c>.</summary>
    public void Refuse(string reply = "451 4.3.0 Temporarily unavailable, try again later") => _refusal = reply;

    /// <summary>Accept mail again after <see cref="Refuse"/>.</summary>
    public void Accept() => _refusal = null;

    /// <summary>Stops listening: connections are refused until <see cref="Restart"/>.</summary>
    public async Task StopAsync()
    {
        await _stopping.CancelAsync();
        _listener?.Stop();
        _listener = null;
    }

    /// <summary>Listens again on the same port.</summary>
    public void Restart()
    {
        _stopping = new CancellationTokenSource();
        Listen();
    }

    /// <summary>Waits for the first message to <paramref name="to"/> (case-insensitive) and returns it.</summary>
    public async Task<SmtpSinkMessage> WaitForMessageAsync(string to, TimeSpan? timeout = null)
    {
        var messages = await WaitAsync(m => m.Any(x => x.IsFor(to)), timeout, $"a message to {to}");
        return messages.First(x => x.IsFor(to));
    }

    /// <summary>Waits until at least <paramref name="count"/> messages arrived; returns all of them.</summary>
    public Task<IReadOnlyList<SmtpSinkMessage>> WaitForCountAsync(int count, TimeSpan? timeout = null) =>
        WaitAsync(m => m.Count >= count, timeout, $"{count} messages");

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _stopping.Dispose();
    }

    private async Task<IReadOnlyList<SmtpSinkMessage>> WaitAsync(Func<IReadOnlyList<SmtpSinkMessage>, bool> done, TimeSpan? timeout, string what)
    {
        var deadline = DateTimeOffset.UtcNow + (timeout ?? DefaultTimeout);
        while (true)
        {
            var messages = Messages;
            if (done(messages))
            {
                return messages;
            }

            if (DateTimeOffset.UtcNow > deadline)
            {
                throw new TimeoutException($"The SMTP sink did not receive {what} in time (it has {messages.Count}).");
            }

            await Task.Delay(20);
        }
    }

    private void Listen()
    {
        var listener = new TcpListener(IPAddress.Loopback, Port);
        listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        listener.Start();
        Port = ((IPEndPoint)listener.LocalEndpoint).Port;
        _listener = listener;
        var token = _stopping.Token;
        _ = Task.Run(async () =>
        {
            while (!token.IsCancellationRequested)
            {
                TcpClient client;
                try
                {
                    client = await listener.AcceptTcpClientAsync(token);
                }
                catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
                {
                    return;
                }

                _ = Task.Run(() => ServeAsync(client, token));
            }
        });
    }

    private async Task ServeAsync(TcpClient client, CancellationToken token)
    {
        using var _ = client;
        client.NoDelay = true;
        try
        {
            var stream = client.GetStream();
            using var reader = new StreamReader(stream, Encoding.UTF8);
            await using var writer = new StreamWriter(stream, new UTF8Encoding(false)) { NewLine = "\r\n", AutoFlush = true };
            await writer.WriteLineAsync("220 127.0.0.1 Tessera test SMTP sink");
            string? from = null;
            var to = new List<string>();
            while (await reader.ReadLineAsync(token) is { } line)
            {
                var verb = line.Length >= 4 ? line[..4].ToUpperInvariant() : line.ToUpperInvariant();
                switch (verb)
                {
                    case "EHLO":
                        await writer.WriteLineAsync("250-127.0.0.1\r\n250-8BITMIME\r\n250 SIZE 10485760");
                        break;
                    case "HELO" or "NOOP":
                        await writer.WriteLineAsync("250 OK");
                        break;
                    case "RSET":
                        (from, to) = (null, []);
                        await writer.WriteLineAsync("250 OK");
                        break;
                    case "MAIL":
                        if (_refusal is { } refusal)
                        {
                            lock (_lock)
                            {
                                Refused++;
                            }

                            await writer.WriteLineAsync(refusal);
                            break;
                        }

                        from = Address(line);
                        await writer.WriteLineAsync("250 OK");
                        break;
                    case "RCPT":
                        to.Add(Address(line));
                        await writer.WriteLineAsync("250 OK");
                        break;
                    case "DATA":
                        await writer.WriteLineAsync("354 End data with <CR><LF>.<CR><LF>");
                        var raw = new StringBuilder();
                        while (await reader.ReadLineAsync(token) is { } data && data != ".")
                        {
                            raw.Append(data.StartsWith("..", StringComparison.Ordinal) ? data[1..] : data).Append("\r\n");
                        }

                        lock (_lock)
                        {
                            _messages.Add(SmtpSinkMessage.Parse(from ?? string.Empty, to, raw.ToString()));
                        }

                        (from, to) = (null, []);
                        await writer.WriteLineAsync("250 OK queued");
                        break;
                    case "QUIT":
                        await writer.WriteLineAsync("221 Bye");
                        return;
                    default:
                        await writer.WriteLineAsync("502 Command not implemented");
                        break;
                }
            }
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or ObjectDisposedException or SocketException)
        {
            // The client hung up or the sink is stopping.
        }
    }

    private static string Address(string line)
    {
        var start = line.IndexOf('<', StringComparison.Ordinal);
        var end = line.IndexOf('>', StringComparison.Ordinal);
        return start >= 0 && end > start ? line[(start + 1)..end] : line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
    }
}
