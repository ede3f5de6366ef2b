// SPDX-License-Identifier: Apache-2.0
namespace Tessera.IntegrationTests.Hosting;

/// <summary>An HTTP/1.1 answer read off a raw socket: status, headers (last value wins) and body text.</summary>
internal sealed record RawAnswer(int Status, IReadOnlyDictionary<string, string> Headers, string Body)
{
    public static RawAnswer Parse(string text)
    {
        var split = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        var head = split < 0 ? text : text[..split];
        var lines = head.Split("\r\n");
        var status = int.Parse(lines[0].Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in lines.Skip(1))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            headers[line[..colon].Trim()] = line[(colon + 1)..].Trim();
        }

        return new RawAnswer(status, headers, split < 0 ? string.Empty : text[(split + 4)..]);
    }

    public void ShouldBeCatalogAnswer(int status, string errorId)
    {
        Status.ShouldBe(status, Body);
        Headers.ContainsKey("X-Request-Id").ShouldBeTrue("X-Request-Id");
        Headers.ContainsKey("Content-Type").ShouldBeTrue("Content-Type");
        Headers["Ory-Error-Id"].ShouldBe(errorId);
        Body.ShouldContain(errorId);
    }
}
