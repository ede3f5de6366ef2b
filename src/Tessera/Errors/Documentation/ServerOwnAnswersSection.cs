// SPDX-License-Identifier: Apache-2.0
using System.Globalization;
using Tessera.Hosting;

namespace Tessera.Errors.Documentation;

/// <summary>
/// The hand-written part of <c>docs/errors.md</c>: the answers the HTTP server (Kestrel) writes before Tessera sees a
/// request, which therefore carry no catalog id, no body and no <c>X-Request-Id</c>. The generator appends it.
/// </summary>
internal static class ServerOwnAnswersSection
{
    public static string Markdown { get; } = string.Create(CultureInfo.InvariantCulture, $"""

        ## Answers without an error id

        Tessera answers every request it can read from the catalog above, with the request id. A few requests cannot
        be read at all; the HTTP server answers those itself, before Tessera runs, with an empty body, no
        `Content-Type`, no `Ory-Error-Id` and no `X-Request-Id`. Tessera's own limits sit below the server's, so a
        client that meets one of these sent something no HTTP client library produces.

        | HTTP | When | Tessera's own answer below that point |
        |---|---|---|
        | 400 | The request line cannot be parsed: no method, target or HTTP version, a method with characters a token cannot have, a control character (NUL, CR or LF alone) in the target or a header, a header line without a colon, a bad chunked encoding, or HTTP/1.1 without `Host` | `malformed_request` for everything readable: bodies, query parameters, credentials headers with bytes outside printable ASCII (header bytes are read as Latin-1, so a non-ASCII byte is not refused here) |
        | 414 | The request line (method, path, query and version) is longer than {ListenerRegistration.KestrelMaxRequestLineBytes / 1024} KiB | `request_uri_too_long` from {RequestLimitsMiddleware.MaxTargetBytes / 1024} KiB of path and query |
        | 431 | More than {ListenerRegistration.KestrelMaxHeaderCount} header fields, or header bytes past four times `serve.public.request_headers_limit` plus 64 KiB | `request_header_fields_too_large` from {RequestLimitsMiddleware.MaxHeaderCount} header fields or `serve.public.request_headers_limit` bytes |
        | 408 | The request headers did not arrive within 30 seconds (Kestrel's `RequestHeadersTimeout`) | — |

        A reverse proxy in front usually has lower limits of its own (nginx: 8 KiB request line and header line) and
        answers such requests itself; its answer then reaches the client instead.

        """);
}
