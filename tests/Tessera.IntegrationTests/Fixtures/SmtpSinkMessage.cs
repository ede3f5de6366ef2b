// SPDX-License-Identifier: Apache-2.0
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Tessera.IntegrationTests.Fixtures;

/// <summary>
/// One message the <see cref="SmtpSink"/> accepted, with the MIME decoded: the subject (encoded words undone), the
/// text/plain and text/html parts (base64 / quoted-printable undone), and the top-level headers.
/// </summary>
public sealed partial record SmtpSinkMessage(
    string From,
    IReadOnlyList<string> To,
    string Subject,
    string TextBody,
    string? HtmlBody,
    IReadOnlyDictionary<string, string> Headers,
    string Raw)
{
    /// <summary>The courier's outbox id, from the <c>X-Tessera-Message-Id</c> header.</summary>
    public Guid? CourierMessageId => Headers.TryGetValue("X-Tessera-Message-Id", out var id) && Guid.TryParse(id, out var guid) ? guid : null;

    public bool IsFor(string address) => To.Any(t => string.Equals(t, address, StringComparison.OrdinalIgnoreCase));

    internal static SmtpSinkMessage Parse(string from, IReadOnlyList<string> to, string raw)
    {
        var (headers, body) = SplitPart(raw);
        var parts = new List<(string Type, string Text)>();
        CollectParts(headers, body, parts);
        return new SmtpSinkMessage(
            from,
            [.. to],
            DecodeWords(headers.GetValueOrDefault("Subject", string.Empty)),
            parts.FirstOrDefault(p => p.Type == "text/plain").Text ?? string.Empty,
            parts.FirstOrDefault(p => p.Type == "text/html").Text,
            headers,
            raw);
    }

    private static (Dictionary<string, string> Headers, string Body) SplitPart(string text)
    {
        var split = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        var head = split < 0 ? text : text[..split];
        var body = split < 0 ? string.Empty : text[(split + 4)..];
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        string? last = null;
        foreach (var line in head.Split("\r\n"))
        {
            if (line.Length > 0 && (line[0] == ' ' || line[0] == '\t') && last is not null)
            {
                headers[last] += " " + line.Trim();
            }
            else if (line.IndexOf(':', StringComparison.Ordinal) is var colon and > 0)
            {
                last = line[..colon].Trim();
                headers[last] = line[(colon + 1)..].Trim();
            }
        }

        return (headers, body);
    }

    private static void CollectParts(Dictionary<string, string> headers, string body, List<(string, string)> parts)
    {
        var contentType = headers.GetValueOrDefault("Content-Type", "text/plain");
        var mediaType = contentType.Split(';')[0].Trim().ToLowerInvariant();
        if (mediaType.StartsWith("multipart/", StringComparison.Ordinal))
        {
            var boundary = BoundaryPattern().Match(contentType).Groups[1].Value;
            foreach (var section in body.Split($"--{boundary}").Skip(1))
            {
                if (section.StartsWith("--", StringComparison.Ordinal))
                {
                    break;
                }

                var (partHeaders, partBody) = SplitPart(section.TrimStart('\r', '\n'));
                CollectParts(partHeaders, partBody, parts);
            }

            return;
        }

        var encoding = headers.GetValueOrDefault("Content-Transfer-Encoding", "7bit").Trim().ToLowerInvariant();
        var text = encoding switch
        {
            "base64" => Encoding.UTF8.GetString(Convert.FromBase64String(string.Concat(body.Where(c => !char.IsWhiteSpace(c))))),
            "quoted-printable" => DecodeQuotedPrintable(body, underscoreIsSpace: false),
            _ => body,
        };
        parts.Add((mediaType, text.TrimEnd('\r', '\n')));
    }

    private static string DecodeWords(string value)
    {
        // Whitespace between two encoded words is not part of the text (RFC 2047 section 6.2).
        var joined = AdjacentWordsPattern().Replace(value, "?==?");
        return EncodedWordPattern().Replace(joined, m => string.Equals(m.Groups[2].Value, "B", StringComparison.OrdinalIgnoreCase)
            ? Encoding.UTF8.GetString(Convert.FromBase64String(m.Groups[3].Value))
            : DecodeQuotedPrintable(m.Groups[3].Value, underscoreIsSpace: true));
    }

    private static string DecodeQuotedPrintable(string text, bool underscoreIsSpace)
    {
        var bytes = new List<byte>();
        text = text.Replace("=\r\n", string.Empty, StringComparison.Ordinal);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '=' && i + 2 < text.Length
                && byte.TryParse(text.AsSpan(i + 1, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var b))
            {
                bytes.Add(b);
                i += 2;
            }
            else
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(underscoreIsSpace && text[i] == '_' ? " " : text[i].ToString()));
            }
        }

        return Encoding.UTF8.GetString([.. bytes]);
    }

    [GeneratedRegex("boundary=\"?([^\";]+)\"?", RegexOptions.IgnoreCase)]
    private static partial Regex BoundaryPattern();

    [GeneratedRegex(@"=\?([^?]+)\?([BbQq])\?([^?]*)\?=")]
    private static partial Regex EncodedWordPattern();

    [GeneratedRegex(@"\?=\s+=\?")]
    private static partial Regex AdjacentWordsPattern();
}
