// SPDX-License-Identifier: Apache-2.0
namespace Tessera.Errors;

/// <summary>Errors of the HTTP layer itself: routes, methods, bodies, headers, and the generic server failures.</summary>
internal static partial class ErrorCatalog
{
    public static readonly ErrorDescriptor NotFound = new(
        "not_found", 404,
        "The requested resource could not be found.",
        "No resource exists at this path, or the id does not name one.",
        "The path is not one Tessera serves on this listener, or the id in it does not exist (admin paths answer only on the admin port, public paths only on the public port).",
        "Check the path and the port (public 4433, admin 4434 by default) against the API reference, and the id against what the API returned.",
        "A request answers 404 with error id `not_found`");

    public static readonly ErrorDescriptor MethodNotAllowed = new(
        "method_not_allowed", 405,
        "The request method is not supported for this resource.",
        "This path does not accept the method that was used.",
        "The path exists but not with this HTTP method.",
        "Use one of the methods listed in the Allow header.",
        "A request answers 405; the Allow header lists the accepted methods");

    public static readonly ErrorDescriptor UnsupportedMediaType = new(
        "unsupported_media_type", 415,
        "The request body has an unsupported content type.",
        "This endpoint does not accept a body of type {content_type}; send one of: {supported}.",
        "The Content-Type header is missing or names a format the endpoint does not read (for example text/plain, or multipart/form-data where JSON or a URL-encoded form is expected).",
        "Send `Content-Type: application/json` with a JSON body, or `application/x-www-form-urlencoded` where the endpoint accepts forms (browser flows).",
        "A POST answers 415 Unsupported Media Type");

    public static readonly ErrorDescriptor MalformedRequest = new(
        "malformed_request", 400,
        "The request was malformed or contained invalid parameters.",
        "The request could not be read: {problem}.",
        "The body is not well-formed JSON or form data (truncated, invalid UTF-8, a value of the wrong type such as null where an object belongs), or a query parameter cannot be parsed.",
        "Fix the request at the place the reason names (`details.path`, `details.line`, `details.position`). Clients built with an Ory SDK send well-formed bodies; check anything that rewrites bodies on the way (proxies, middleware).",
        "A request answers 400 with error id `malformed_request`");

    public static readonly ErrorDescriptor PayloadTooLarge = new(
        "payload_too_large", 413,
        "The request body is too large.",
        "The request body is larger than the {limit_bytes} bytes this server accepts.",
        "The body exceeds `serve.public.request_body_limit` (default 1 MiB). Self-service forms are a few kilobytes, so a large body is usually a client bug, an upload sent to the wrong endpoint, or an attack.",
        "Send a smaller body. Operators who really need larger bodies can raise `serve.public.request_body_limit`.",
        "A request answers 413 Payload Too Large");

    public static readonly ErrorDescriptor RequestHeaderFieldsTooLarge = new(
        "request_header_fields_too_large", 431,
        "The request headers are too large.",
        "The request headers total {size_bytes} bytes, more than the {limit_bytes} bytes this server accepts.",
        "The combined headers, almost always the Cookie header, exceed `serve.public.request_headers_limit` (default 32 KiB). The usual source is a cookie domain set too broadly (the apex domain), so every application on every subdomain adds its cookies to each request that reaches Tessera.",
        "Scope `cookies.domain` (and `session.cookie.domain`) to the subdomain that serves Tessera and its UI rather than the apex, tighten the Domain= attribute of the other applications' cookies, and clear the browser's cookies for the domain. Raising `serve.public.request_headers_limit` only hides the growth.",
        "A browser request is rejected with 431 Request Header Fields Too Large");

    public static readonly ErrorDescriptor RequestUriTooLong = new(
        "request_uri_too_long", 414,
        "The request URI is too long.",
        "The request target is {size_bytes} bytes long, more than the {limit_bytes} bytes this server accepts.",
        "The path and query string together exceed 8 KiB. Kratos's own URLs are short (a flow id, a return_to); a long one is usually a return_to that carries another URL with its whole state, a redirect loop that appends to the query each time, or a scan.",
        "Shorten the URL: keep state on the application's side and pass a short reference in return_to; look for a redirect that keeps appending parameters.",
        "A request answers 414 URI Too Long");

    public static readonly ErrorDescriptor InternalServerError = new(
        "internal_server_error", 500,
        "An internal server error occurred, please contact the system administrator.",
        "Tessera met an unexpected condition while handling the request.",
        "A bug or an infrastructure fault (database, disk, a hashing or signing failure) interrupted the request. The server log has the details under the request id.",
        "Retry once. If it persists, search the server log for the request id and report it.",
        "A request answers 500; the body names only the request id");

    public static readonly ErrorDescriptor FeatureNotImplemented = new(
        "feature_not_implemented", 501,
        "This feature is not implemented.",
        "Tessera does not implement {feature} yet.",
        "The request called an operation of Kratos's API that this Tessera version does not offer (FedCM, test login flows, the session token exchange, `POST /admin/sessions`, look-up by external id, `/.well-known/change-password`). Configuration keys for features Tessera lacks are ignored with a warning at start-up.",
        "Use the operations Tessera implements (docs/compatibility.md, `/openapi/v1.json`), or check the release notes for when the feature arrives.",
        "A request answers 501 Not Implemented");

    public static readonly ErrorDescriptor ServiceUnavailable = new(
        "service_unavailable", 503,
        "The service is temporarily unavailable.",
        "Tessera cannot serve this request right now.",
        "A dependency the request needs (usually the database) is unreachable, timed out or is overloaded.",
        "Retry with back-off. Operators: check /health/ready and the database.",
        "A request answers 503 Service Unavailable");
}
