// SPDX-License-Identifier: Apache-2.0
namespace Tessera.Errors;

/// <summary>An endpoint result that renders a <see cref="TesseraError"/> through the one error writer.</summary>
internal sealed class ErrorResult(TesseraError error) : IResult
{
    public TesseraError Error { get; } = error;

    public Task ExecuteAsync(HttpContext httpContext) =>
        httpContext.RequestServices.GetRequiredService<ErrorResponseWriter>().WriteAsync(httpContext, Error);
}
