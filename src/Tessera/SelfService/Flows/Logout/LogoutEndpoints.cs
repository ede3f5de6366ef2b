// SPDX-License-Identifier: Apache-2.0
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Tessera.Errors;
using Tessera.Hosting;
using Tessera.Hosting.RequestBodies;
using Tessera.Sessions;

namespace Tessera.SelfService.Flows.Logout;

/// <summary>
/// Public API, Kratos's logout endpoints:
/// GET    /self-service/logout/browser   createBrowserLogoutFlow: the logout URL for the browser's session
/// GET    /self-service/logout           updateLogoutFlow (?token=&amp;return_to=): ends it, 303 onwards (204 for scripts)
/// DELETE /self-service/logout/api       performNativeLogout: ends the session whose token is in the body
/// </summary>
internal static class LogoutEndpoints
{
    public static IEndpointRouteBuilder MapLogoutEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapPublicApi();
        api.MapGet("/self-service/logout/browser", CreateBrowserLogoutFlow);
        api.MapGet("/self-service/logout", UpdateLogoutFlow).Produces(StatusCodes.Status204NoContent).Produces(StatusCodes.Status303SeeOther);
        api.MapDelete("/self-service/logout/api", PerformNativeLogout).Produces(StatusCodes.Status204NoContent).Produces(StatusCodes.Status400BadRequest);
        return endpoints;
    }

    private static async Task<Results<Ok<LogoutUrlResponse>, ErrorResult>> CreateBrowserLogoutFlow(
        HttpContext context, SessionManager sessions, PublicUrls urls, ReturnToValidator returnTo, string? return_to, CancellationToken cancellationToken)
    {
        var target = returnTo.Validate(return_to);
        if (!target.Succeeded)
        {
            return new ErrorResult(target.Error);
        }

        // Only the cookie counts here: this is the browser's logout, not an API client's.
        var session = await sessions.FetchAsync(context.Request, cancellationToken);
        var token = sessions.TokenFrom(context.Request);
        if (!session.Succeeded || token is null)
        {
            return new ErrorResult(session.Succeeded ? ErrorCatalog.SessionInactive : session.Error);
        }

        var logoutToken = SessionToken.LogoutTokenFor(token);
        var query = $"/self-service/logout?token={Uri.EscapeDataString(logoutToken)}"
            + (target.Value is null ? string.Empty : $"&return_to={Uri.EscapeDataString(target.Value.AbsoluteUri)}");
        return TypedResults.Ok(new LogoutUrlResponse(urls.For(query).AbsoluteUri, logoutToken));
    }

    private static async Task<IResult> UpdateLogoutFlow(
        HttpContext context, SessionManager sessions, ReturnToValidator returnTo, FlowCompletion completion, LogoutOptions options, string? token,
        string? return_to, CancellationToken cancellationToken)
    {
        var target = returnTo.Validate(return_to);
        if (!target.Succeeded)
        {
            return new ErrorResult(target.Error);
        }

        if (!await sessions.LogoutAsync(token, cancellationToken))
        {
            return new ErrorResult(ErrorCatalog.LogoutTokenInvalid);
        }

        sessions.ClearCookie(context.Response);
        return FlowClient.WantsJson(context.Request)
            ? TypedResults.NoContent()
            : new SeeOtherResult(target.Value ?? options.AfterReturnUrl ?? completion.DefaultReturnUrl);
    }

    private static async Task<IResult> PerformNativeLogout(
        HttpContext context, SessionManager sessions, IOptions<JsonOptions> json, CancellationToken cancellationToken)
    {
        var body = await RequestBodyReader.ReadAsync<PerformNativeLogoutRequest>(context.Request, json.Value.SerializerOptions, allowForm: false, cancellationToken);
        if (!body.Succeeded)
        {
            return new ErrorResult(body.Error);
        }

        // Kratos: a body without a token is a bad request; a token that names no active session is forbidden (403).
        var token = body.Value.SessionToken;
        if (string.IsNullOrEmpty(token))
        {
            return new ErrorResult(RequestErrors.Malformed("`session_token` is required"));
        }

        return SessionToken.IsPlausible(token) && await sessions.LogoutAsync(SessionToken.LogoutTokenFor(token), cancellationToken)
            ? TypedResults.NoContent()
            : new ErrorResult(ErrorCatalog.SessionTokenInvalid);
    }
}
