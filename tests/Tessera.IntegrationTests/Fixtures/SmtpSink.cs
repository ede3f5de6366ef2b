// SPDX-License-Identifier: Apache-2.0
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace Tessera.IntegrationTests.Fixtures;

/// <summary>
/// A small SMTP server on 127.0.0.1 for tests: speaks EHLO/HELO, MAIL FROM, RCPT TO, DATA, RSET, NOOP, QUIT, and on
/// request TLS (implicit, as for <c>smtps://</c>, or STARTTLS, with a self-signed certificate made for the run) and
/// AUTH PLAIN / LOGIN with one user, and records every message it accepts. It can be told to refuse mail with a 4xx/5xx reply, and be
/// stopped and started again on the same port (the SMTP server is "down" in between).
/// <code>
/// await using var sink = SmtpSink.Start();
/// settings["courier.smtp.connection_uri"] = sink.ConnectionUri;
/// var mail = await sink.WaitForMessageAsync("user@example.com");   // mail.Subject, mail.TextBody, mail.HtmlBody
/// await using var tls = SmtpSink.Start(SmtpSinkTls.Implicit, ("user", "secret"));   // smtps://user:secret@...
/// </code>
/// </summary>
public sealed class SmtpSink : IAsyncDisposable
{
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(15);
    private readonly List<SmtpSinkMessage> _messages = [];
    private readonly Lock _lock = new();
    private TcpListener? _listener;
    private CancellationTokenSource _stopping = new();
    private readonly SmtpSinkTls _tls;
    private readonly (string User, string Password)? _account;
    private readonly X509Certificate2? _certificate;
    private string? _refusal;

    private SmtpSink(int port, SmtpSinkTls tls, (string User, string Password)? account)
    {
        Port = port;
        _tls = tls;
        _account = account;
        _certificate = tls == SmtpSinkTls.None ? null : SelfSignedCertificate();
    }

    public int Port { get; private set; }

    /// <summary>
    /// The value for <c>courier.smtp.connection_uri</c>: cleartext for a sink without TLS; <c>smtps://</c> or
    /// <c>smtp://</c> (STARTTLS) with <c>skip_ssl_verify=true</c> (the certificate is self-signed) otherwise, with
    /// the account as user info when the sink requires AUTH.
    /// </summary>
    public string ConnectionUri => _tls switch
    {
        SmtpSinkTls.None => $"smtp://{UserInfo}127.0.0.1:{Port}/?disable_starttls=true",
        SmtpSinkTls.Implicit => $"smtps://{UserInfo}127.0.0.1:{Port}/?skip_ssl_verify=true",
        _ => $"smtp://{UserInfo}127.0.0.1:{Port}/?skip_ssl_verify=true",
    };

    /// <summary>The users that authenticated, one entry per successful AUTH.</summary>
    public IReadOnlyList<string> AuthenticatedUsers
    {
        get
        {
            lock (_lock)
            {
                return [.. _authenticated];
            }
        }
    }

    /// <summary>How many AUTH attempts it refused (wrong user or password).</summary>
    public int FailedAuthentications { get; private set; }

    /// <summary>Whether each accepted message came over TLS, in the order of <see cref="Messages"/>.</summary>
    public IReadOnlyList<bool> EncryptedDeliveries
    {
        get
        {
            lock (_lock)
            {
                return [.. _encrypted];
            }
        }
    }

    private readonly List<string> _authenticated = [];
    private readonly List<bool> _encrypted = [];

    private string UserInfo => _account is { } a ? $"{Uri.EscapeDataString(a.User)}:{Uri.EscapeDataString(a.Password)}@" : string.Empty;

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

    public static SmtpSink Start(SmtpSinkTls tls = SmtpSinkTls.None, (string User, string Password)? account = null)
    {
        var sink = new SmtpSink(0, tls, account);
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
        _certificate?.Dispose();
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
            Stream stream = client.GetStream();
            if (_tls == SmtpSinkTls.Implicit)
            {
                stream = await SecureAsync(stream, token);
            }

            var session = new Session(stream);
            await session.Writer.WriteLineAsync("220 127.0.0.1 Tessera test SMTP sink");
            string? from = null;
            var to = new List<string>();
            var authenticated = false;
            while (await session.Reader.ReadLineAsync(token) is { } line)
            {
                var verb = line.Length >= 4 ? line[..4].ToUpperInvariant() : line.ToUpperInvariant();
                switch (verb)
                {
                    case "EHLO":
                        await session.Writer.WriteLineAsync(EhloReply(session.Encrypted));
                        break;
                    case "STAR" when _tls == SmtpSinkTls.StartTls && !session.Encrypted:
                        await session.Writer.WriteLineAsync("220 2.0.0 Ready to start TLS");
                        session = new Session(await SecureAsync(stream, token)) { Encrypted = true };
                        (from, to, authenticated) = (null, [], false);
                        break;
                    case "AUTH" when _account is not null:
                        authenticated = await AuthenticateAsync(session, line, token);
                        break;
                    case "HELO" or "NOOP":
                        await session.Writer.WriteLineAsync("250 OK");
                        break;
                    case "RSET":
                        (from, to) = (null, []);
                        await session.Writer.WriteLineAsync("250 OK");
                        break;
                    case "MAIL" when _tls == SmtpSinkTls.StartTls && !session.Encrypted:
                        await session.Writer.WriteLineAsync("530 5.7.0 Must issue a STARTTLS command first");
                        break;
                    case "MAIL" when _account is not null && !authenticated:
                        await session.Writer.WriteLineAsync("530 5.7.0 Authentication required");
                        break;
                    case "MAIL":
                        if (_refusal is { } refusal)
                        {
                            lock (_lock)
                            {
                                Refused++;
                            }

                            await session.Writer.WriteLineAsync(refusal);
                            break;
                        }

                        from = Address(line);
                        await session.Writer.WriteLineAsync("250 OK");
                        break;
                    case "RCPT":
                        to.Add(Address(line));
                        await session.Writer.WriteLineAsync("250 OK");
                        break;
                    case "DATA":
                        await session.Writer.WriteLineAsync("354 End data with <CR><LF>.<CR><LF>");
                        var raw = new StringBuilder();
                        while (await session.Reader.ReadLineAsync(token) is { } data && data != ".")
                        {
                            raw.Append(data.StartsWith("..", StringComparison.Ordinal) ? data[1..] : data).Append("\r\n");
                        }

                        lock (_lock)
                        {
                            _messages.Add(SmtpSinkMessage.Parse(from ?? string.Empty, to, raw.ToString()));
                            _encrypted.Add(session.Encrypted || _tls == SmtpSinkTls.Implicit);
                        }

                        (from, to) = (null, []);
                        await session.Writer.WriteLineAsync("250 OK queued");
                        break;
                    case "QUIT":
                        await session.Writer.WriteLineAsync("221 Bye");
                        return;
                    default:
                        await session.Writer.WriteLineAsync("502 Command not implemented");
                        break;
                }
            }
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or ObjectDisposedException or SocketException
                                      or System.Security.Authentication.AuthenticationException)
        {
            // The client hung up, refused the certificate, or the sink is stopping.
        }
    }

    private string EhloReply(bool encrypted)
    {
        var lines = new List<string> { "127.0.0.1", "8BITMIME" };
        if (_tls == SmtpSinkTls.StartTls && !encrypted)
        {
            lines.Add("STARTTLS");
        }

        if (_account is not null)
        {
            lines.Add("AUTH PLAIN LOGIN");
        }

        lines.Add("SIZE 10485760");
        return string.Join("\r\n", lines.Select((l, i) => (i == lines.Count - 1 ? "250 " : "250-") + l));
    }

    private async Task<bool> AuthenticateAsync(Session session, string line, CancellationToken token)
    {
        var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        string? user;
        string? password;
        switch (parts.Length > 1 ? parts[1].ToUpperInvariant() : string.Empty)
        {
            case "PLAIN":
                var initial = parts.Length > 2 ? parts[2] : await ChallengeAsync(session, string.Empty, token);
                var fields = Decode(initial)?.Split('\0');
                (user, password) = fields is { Length: 3 } ? (fields[1], fields[2]) : (null, null);
                break;
            case "LOGIN":
                user = Decode(parts.Length > 2 ? parts[2] : await ChallengeAsync(session, "Username:", token));
                password = Decode(await ChallengeAsync(session, "Password:", token));
                break;
            default:
                await session.Writer.WriteLineAsync("504 5.5.4 Unrecognized authentication type");
                return false;
        }

        var ok = user == _account!.Value.User && password == _account.Value.Password;
        lock (_lock)
        {
            if (ok)
            {
                _authenticated.Add(user!);
            }
            else
            {
                FailedAuthentications++;
            }
        }

        await session.Writer.WriteLineAsync(ok ? "235 2.7.0 Authentication successful" : "535 5.7.8 Authentication credentials invalid");
        return ok;
    }

    private static async Task<string> ChallengeAsync(Session session, string prompt, CancellationToken token)
    {
        await session.Writer.WriteLineAsync("334 " + Convert.ToBase64String(Encoding.UTF8.GetBytes(prompt)));
        return await session.Reader.ReadLineAsync(token) ?? string.Empty;
    }

    private static string? Decode(string base64)
    {
        try
        {
            return Encoding.UTF8.GetString(Convert.FromBase64String(base64));
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private async Task<Stream> SecureAsync(Stream inner, CancellationToken token)
    {
        var ssl = new SslStream(inner, leaveInnerStreamOpen: true);
        await ssl.AuthenticateAsServerAsync(new SslServerAuthenticationOptions { ServerCertificate = _certificate }, token);
        return ssl;
    }

    // Made per sink for the run: nothing to keep on disk, and no client trusts it unless told to skip verification.
    private static X509Certificate2 SelfSignedCertificate()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        var now = DateTimeOffset.UtcNow;
        using var certificate = request.CreateSelfSigned(now.AddMinutes(-5), now.AddDays(1));
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pkcs12), null);
    }

    /// <summary>The reader and writer over the current stream (replaced when STARTTLS succeeds).</summary>
    private sealed class Session(Stream stream)
    {
        public StreamReader Reader { get; } = new(stream, Encoding.UTF8, leaveOpen: true);

        public StreamWriter Writer { get; } = new(stream, new UTF8Encoding(false), leaveOpen: true) { NewLine = "\r\n", AutoFlush = true };

        public bool Encrypted { get; init; }
    }

    private static string Address(string line)
    {
        var start = line.IndexOf('<', StringComparison.Ordinal);
        var end = line.IndexOf('>', StringComparison.Ordinal);
        return start >= 0 && end > start ? line[(start + 1)..end] : line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
    }
}
