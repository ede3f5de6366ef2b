// SPDX-License-Identifier: Apache-2.0
using System.Text.Json;
using System.Text.Json.Nodes;
using Tessera.Errors;
using Tessera.Errors.Occurrences;
using Tessera.Errors.Rendering;

namespace Tessera.OAuth2;

/// <summary>
/// Renders an OAuth2 error once, for every endpoint of the provider (token, revocation, introspection, the admin
/// client and key APIs): RFC 6749 section 5.2's body <c>{error, error_description}</c> plus Hydra's
/// <c>error_hint</c> and <c>status_code</c>, and <c>error_uri</c> pointing at the catalog entry's page. A 401
/// carries <c>WWW-Authenticate</c> as RFC 6749 (or RFC 6750 for a bearer token) asks; every answer is <c>no-store</c>.
/// The same body (Hydra's <c>errorOAuth2</c>, plus Tessera's <c>id</c> and <c>doc_url</c>) is what
/// every error under Hydra's admin paths takes, whoever raised it (<see cref="Errors.Rendering.ErrorFormat.HydraOAuth2"/>).
/// </summary>
internal sealed class OAuth2ErrorWriter(ErrorDocumentationLinks links, ErrorMetrics metrics, OccurrenceRecorder occurrences)
{
    public JsonObject Body(HttpContext context, TesseraError error)
    {
        var entry = error.Descriptor;
        var hint = error.EffectiveReason;
        return new JsonObject
        {
            ["error"] = OAuth2Errors.CodeOf(entry),
            ["error_description"] = string.IsNullOrEmpty(hint) || hint == entry.Message ? entry.Message : $"{entry.Message} {hint}",
            ["error_hint"] = hint,
            ["error_uri"] = links.For(context, entry),
            ["status_code"] = entry.Status,

            // Tessera's own members beside Hydra's: the catalog id (also in Ory-Error-Id) and its page. No request id:
            // an unknown client and a wrong secret must answer byte for byte alike.
            ["id"] = entry.Id,
            ["doc_url"] = links.For(context, entry),
        };
    }

    public async Task WriteAsync(HttpContext context, TesseraError error)
    {
        metrics.Record(error.Descriptor);
        occurrences.Error(context, error.Descriptor);
        var response = context.Response;
        response.StatusCode = error.Status;
        response.Headers.CacheControl = "no-store";
        response.Headers.Pragma = "no-cache";
        response.Headers[ErrorResponseWriter.ErrorIdHeader] = error.Descriptor.Id;
        if (error.Status == StatusCodes.Status401Unauthorized)
        {
            // RFC 6750 section 3 for a bearer token (userinfo), RFC 6749 section 5.2 for client authentication.
            response.Headers.WWWAuthenticate = error.Descriptor == ErrorCatalog.OAuth2InvalidToken
                ? "Bearer realm=\"tessera\", error=\"invalid_token\""
                : "Basic realm=\"tessera\", error=\"invalid_client\"";
        }

        response.ContentType = "application/json; charset=utf-8";
        await JsonSerializer.SerializeAsync(response.Body, Body(context, error), OAuth2Json.Options, context.RequestAborted);
    }
}
