// SPDX-License-Identifier: Apache-2.0
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Tessera.Errors;
using Tessera.OAuth2.Authorization.Flows;

namespace Tessera.OAuth2.Authorization.Admin;

/// <summary>
/// Hydra's login request API (admin listener), for operators who keep their own login app (<c>urls.login</c>):
/// GET /admin/oauth2/auth/requests/login?login_challenge=          the request (410 with redirect_to once handled)
/// PUT /admin/oauth2/auth/requests/login/accept?login_challenge=   accept once: 200 {redirect_to}
/// PUT /admin/oauth2/auth/requests/login/reject?login_challenge=   reject once: 200 {redirect_to}
/// </summary>
internal static class LoginRequestEndpoints
{
    public static RouteGroupBuilder MapLoginRequestEndpoints(this RouteGroupBuilder admin)
    {
        admin.MapGet("/admin/oauth2/auth/requests/login", GetOAuth2LoginRequest);
        admin.MapPut("/admin/oauth2/auth/requests/login/accept", AcceptOAuth2LoginRequest);
        admin.MapPut("/admin/oauth2/auth/requests/login/reject", RejectOAuth2LoginRequest);
        return admin;
    }

    private static async Task<Results<Ok<LoginRequestResponse>, JsonHttpResult<RedirectToResponse>, ErrorResult>> GetOAuth2LoginRequest(
        [FromQuery(Name = "login_challenge")] string? challenge, LoginRequests requests, ClientDescriptions clients, CancellationToken cancellationToken)
    {
        if (!(await requests.FindAsync(challenge, cancellationToken)).TryGetValue(out var flow, out var error))
        {
            return new ErrorResult(error);
        }

        // Hydra: a handled request answers 410 Gone with where the browser should go instead.
        if (flow.WasLoginHandled)
        {
            return TypedResults.Json(new RedirectToResponse(flow.RequestUrl), statusCode: StatusCodes.Status410Gone);
        }

        return TypedResults.Ok(LoginRequestResponse.From(flow, challenge!, await clients.DescribeAsync(flow.ClientId, cancellationToken)));
    }

    private static async Task<Results<Ok<RedirectToResponse>, ErrorResult>> AcceptOAuth2LoginRequest(
        HttpRequest request, [FromQuery(Name = "login_challenge")] string? challenge, LoginRequests requests, CancellationToken cancellationToken)
    {
        if (!(await FlowRequestBody.ReadAsync<AcceptLoginBody>(request, cancellationToken)).TryGetValue(out var body, out var error))
        {
            return new ErrorResult(error);
        }

        return Redirect(await requests.AcceptAsync(challenge, body, cancellationToken));
    }

    private static async Task<Results<Ok<RedirectToResponse>, ErrorResult>> RejectOAuth2LoginRequest(
        HttpRequest request, [FromQuery(Name = "login_challenge")] string? challenge, LoginRequests requests, CancellationToken cancellationToken)
    {
        if (!(await FlowRequestBody.ReadAsync<FlowRejection>(request, cancellationToken)).TryGetValue(out var body, out var error))
        {
            return new ErrorResult(error);
        }

        return Redirect(await requests.RejectAsync(challenge, body, cancellationToken));
    }

    internal static Results<Ok<RedirectToResponse>, ErrorResult> Redirect(Result<string> outcome) =>
        outcome.TryGetValue(out var redirectTo, out var error)
            ? TypedResults.Ok(new RedirectToResponse(redirectTo))
            : new ErrorResult(error);
}
