// SPDX-License-Identifier: Apache-2.0
using Tessera.Errors;

namespace Tessera.OperatorConsole;

/// <summary>
/// Runs after routing and the surface guard, for endpoints carrying <see cref="ConsoleSessionRequiredMetadata"/>:
/// without a console session the browser is sent to the sign-in page (nothing runs, nothing is bound); a POST
/// must carry the session's CSRF token in its form, or it is refused with <c>security_csrf_violation</c>.
/// </summary>
internal sealed class ConsoleSessionMiddleware(RequestDelegate next, ConsoleSessions sessions)
{
    public const string CsrfFieldName = "csrf_token";
    public const string SignInPath = "/console/sign-in";

    public async Task InvokeAsync(HttpContext context)
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<ConsoleSessionRequiredMetadata>() is null)
        {
            await next(context);
            return;
        }

        var session = await sessions.FindAsync(context, context.RequestAborted);
        if (session is null)
        {
            await new ConsoleRedirect(SignInPath).ExecuteAsync(context);
            return;
        }

        ConsoleRequest.SetSession(context, session);
        if (HttpMethods.IsPost(context.Request.Method) && !await CarriesCsrfTokenAsync(context, session))
        {
            var error = new TesseraError(ErrorCatalog.SecurityCsrfViolation,
                Reason: "The console form did not carry this console session's csrf_token (it was forged on another site, or opened before signing in again).");
            await new ConsolePage(context, ConsoleSection.Home).Error(error).ToResult(error.Status).ExecuteAsync(context);
            return;
        }

        await next(context);
    }

    private static async Task<bool> CarriesCsrfTokenAsync(HttpContext context, ConsoleSession session)
    {
        if (!context.Request.HasFormContentType)
        {
            return false;
        }

        IFormCollection form;
        try
        {
            form = await context.Request.ReadFormAsync(context.RequestAborted);
        }
        catch (InvalidDataException)
        {
            // A malformed or oversized form body is a refused form, never a 500.
            return false;
        }

        return ConsoleSessions.CsrfTokenMatches(session, form[CsrfFieldName].FirstOrDefault());
    }
}
