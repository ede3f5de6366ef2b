// SPDX-License-Identifier: Apache-2.0
using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Tessera.IntegrationTests.Fixtures;

/// <summary>
/// A tiny DNS server on a free 127.0.0.1 UDP port that answers TXT questions from <see cref="Records"/> (RFC 1035
/// messages written by hand): a known name gets its texts, an unknown one NXDOMAIN, a name in <see cref="Failing"/>
/// SERVFAIL, and nothing at all is answered while <see cref="Silent"/>. <see cref="Asked"/> lists the questions.
/// </summary>
public sealed class FakeDnsServer : IAsyncDisposable
{
    private const ushort TxtType = 16;
    private const int NxDomain = 3;
    private const int ServFail = 2;
    private readonly UdpClient _socket = new(new IPEndPoint(IPAddress.Loopback, 0));
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public FakeDnsServer() => _loop = ServeAsync();

    public ConcurrentDictionary<string, string[]> Records { get; } = new(StringComparer.OrdinalIgnoreCase);

    public ConcurrentDictionary<string, bool> Failing { get; } = new(StringComparer.OrdinalIgnoreCase);

    public ConcurrentQueue<string> Asked { get; } = new();

    public bool Silent { get; set; }

    /// <summary>The <c>address:port</c> a name server setting points at.</summary>
    public string Endpoint => ((IPEndPoint)_socket.Client.LocalEndPoint!).ToString();

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _socket.Dispose();
        await _loop.ContinueWith(_ => { }, TaskScheduler.Default);
        _stop.Dispose();
    }

    private async Task ServeAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            UdpReceiveResult query;
            try
            {
                query = await _socket.ReceiveAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }

            if (Answer(query.Buffer) is { } answer)
            {
                await _socket.SendAsync(answer, query.RemoteEndPoint, _stop.Token);
            }
        }
    }

    private byte[]? Answer(byte[] query)
    {
        var (name, questionEnd) = ReadQuestion(query);
        Asked.Enqueue(name);
        if (Silent)
        {
            return null;
        }

        var type = BinaryPrimitives.ReadUInt16BigEndian(query.AsSpan(questionEnd - 4));
        var texts = Records.TryGetValue(name, out var found) && type == TxtType ? found : [];
        var rcode = Failing.ContainsKey(name) ? ServFail : found is null ? NxDomain : 0;
        using var message = new MemoryStream();
        message.Write(query.AsSpan(0, 2)); // the query's id
        WriteUInt16(message, (ushort)(0x8180 | rcode)); // a response, recursion desired and available
        WriteUInt16(message, 1);
        WriteUInt16(message, (ushort)(rcode == 0 ? texts.Length : 0));
        WriteUInt16(message, 0);
        WriteUInt16(message, 0);
        message.Write(query.AsSpan(12, questionEnd - 12));
        foreach (var text in rcode == 0 ? texts : [])
        {
            var data = Encoding.UTF8.GetBytes(text);
            WriteUInt16(message, 0xC00C); // the question's name
            WriteUInt16(message, TxtType);
            WriteUInt16(message, 1); // IN
            message.Write([0, 0, 0, 60]); // TTL
            WriteUInt16(message, (ushort)(data.Length + 1));
            message.WriteByte((byte)data.Length); // one character string (tests keep texts under 256 bytes)
            message.Write(data);
        }

        return message.ToArray();
    }

    // The name of the one question, dot-separated, and where the question (name, type, class) ends.
    private static (string Name, int End) ReadQuestion(byte[] query)
    {
        var labels = new List<string>();
        var at = 12;
        while (query[at] != 0)
        {
            labels.Add(Encoding.ASCII.GetString(query, at + 1, query[at]));
            at += query[at] + 1;
        }

        return (string.Join('.', labels), at + 1 + 4);
    }

    private static void WriteUInt16(Stream stream, ushort value)
    {
        Span<byte> bytes = stackalloc byte[2];
        BinaryPrimitives.WriteUInt16BigEndian(bytes, value);
        stream.Write(bytes);
    }
}
