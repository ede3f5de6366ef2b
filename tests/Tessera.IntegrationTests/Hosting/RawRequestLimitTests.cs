// SPDX-License-Identifier: Apache-2.0
using System.Net.Sockets;
using System.Text;
using Tessera.IntegrationTests.Fixtures;

namespace Tessera.IntegrationTests.Hosting;

/// <summary>
/// Requests no HTTP client library would send, written byte for byte on a loopback socket: Tessera answers them
/// from its catalog with the request id, where Kestrel once answered with an empty body.
/// </summary>
public sealed class RawRequestLimitTests(SqliteServer fixture) : IClassFixture<SqliteServer>
{
    [Fact]
    public async Task ManyHeaders_201Extra_Answers431FromTheCatalog()
    {
        var headers = string.Concat(Enumerable.Range(0, 201).Select(i => $"X-Extra-{i}: {i}\r\n"));

        var answer = await SendAsync(Encoding.ASCII.GetBytes($"GET /health/alive HTTP/1.1\r\nHost: 127.0.0.1\r\n{headers}Connection: close\r\n\r\n"));

        answer.ShouldBeCatalogAnswer(431, "request_header_fields_too_large");
    }

    [Theory]
    [InlineData("/health/alive/{0}")]
    [InlineData("/self-service/login/api?x={0}")]
    public async Task TargetOf10KiB_Answers414FromTheCatalog(string target)
    {
        var path = string.Format(System.Globalization.CultureInfo.InvariantCulture, target, new string('a', 10 * 1024));

        var answer = await SendAsync(Encoding.ASCII.GetBytes($"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"));

        answer.ShouldBeCatalogAnswer(414, "request_uri_too_long");
    }

    [Theory]
    [InlineData("Authorization", "Bearer ")]
    [InlineData("X-Session-Token", "")]
    public async Task RawFFBytesInACredentialsHeader_Answer400MalformedRequest(string header, string prefix)
    {
        var request = Bytes($"GET /sessions/whoami HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n{header}: {prefix}", [0xff, 0xff, 0xfe], "\r\n\r\n");

        var answer = await SendAsync(request);

        answer.ShouldBeCatalogAnswer(400, "malformed_request");
        answer.Body.ShouldContain(header);
    }

    [Fact]
    public async Task RawFFBytesInACookie_AreAnsweredByTessera()
    {
        var request = Bytes("GET /sessions/whoami HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nCookie: ory_kratos_session=", [0xff, 0xfe], "\r\n\r\n");

        var answer = await SendAsync(request);

        // Someone else's cookie on the domain may hold any byte: it is not Tessera's, so whoami simply finds no session.
        answer.ShouldBeCatalogAnswer(401, "session_inactive");
    }

    [Fact]
    public async Task ChunkedBodyPast1MiB_Answers413FromTheCatalog()
    {
        // A chunk announced as 2 MiB of which only 1 MiB + 1 KiB is written: every byte sent is one the server reads
        // before it refuses, so its answer is never lost to a reset, and the client is not still writing when it
        // reads. (Through HttpClient the same request raced: a broken pipe while sending hid the 413.)
        var head = Encoding.ASCII.GetBytes(
            "POST /admin/identities HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n" +
            "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n200000\r\n");

        var answer = await SendAsync([.. head, .. new byte[(1024 * 1024) + 1024]], fixture.Server.AdminUrl);

        answer.ShouldBeCatalogAnswer(413, "payload_too_large");
    }

    private static byte[] Bytes(string head, byte[] raw, string tail) =>
        [.. Encoding.ASCII.GetBytes(head), .. raw, .. Encoding.ASCII.GetBytes(tail)];

    private Task<RawAnswer> SendAsync(byte[] request) => SendAsync(request, fixture.Server.PublicUrl);

    private static async Task<RawAnswer> SendAsync(byte[] request, Uri listener)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var client = new TcpClient();
        await client.ConnectAsync(listener.Host, listener.Port, cts.Token);
        var stream = client.GetStream();
        await stream.WriteAsync(request, cts.Token);
        using var received = new MemoryStream();
        await stream.CopyToAsync(received, cts.Token); // Connection: close, so the server ends the stream.
        return RawAnswer.Parse(Encoding.Latin1.GetString(received.ToArray()));
    }
}
