// SPDX-License-Identifier: Apache-2.0
using System.Text.Json;

namespace Tessera.OAuth2.Grants;

/// <summary>Writes a token response with RFC 6749 section 5.1's <c>Cache-Control: no-store</c> and <c>Pragma: no-cache</c>.</summary>
internal sealed class TokenResponseResult(TokenResponse response) : IResult
{
    public TokenResponse Response { get; } = response;

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.StatusCode = StatusCodes.Status200OK;
        httpContext.Response.Headers.CacheControl = "no-store";
        httpContext.Response.Headers.Pragma = "no-cache";
        httpContext.Response.ContentType = "application/json; charset=utf-8";
        await JsonSerializer.SerializeAsync(httpContext.Response.Body, Response, OAuth2Json.Options, httpContext.RequestAborted);
    }
}
