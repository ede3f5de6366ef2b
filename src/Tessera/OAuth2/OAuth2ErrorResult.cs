// SPDX-License-Identifier: Apache-2.0
using Tessera.Errors;

namespace Tessera.OAuth2;

/// <summary>An endpoint result rendered by <see cref="OAuth2ErrorWriter"/> (RFC 6749 body).</summary>
internal sealed class OAuth2ErrorResult(TesseraError error) : IResult
{
    public TesseraError Error { get; } = error;

    public Task ExecuteAsync(HttpContext httpContext) =>
        httpContext.RequestServices.GetRequiredService<OAuth2ErrorWriter>().WriteAsync(httpContext, Error);
}
