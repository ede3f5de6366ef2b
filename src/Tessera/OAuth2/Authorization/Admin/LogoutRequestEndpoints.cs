// SPDX-License-Identifier: Apache-2.0
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Tessera.Errors;
using Tessera.OAuth2.Authorization.Logout;

namespace Tessera.OAuth2.Authorization.Admin;

/// <summary>
/// Hydra's logout request API (admin listener), for operators who keep their own logout app (<c>urls.logout</c>):
/// GET /admin/oauth2/auth/requests/logout?logout_challenge=          the request
/// PUT /admin/oauth2/auth/requests/logout/accept?logout_challenge=   accept once: 200 {redirect_to}
/// PUT /admin/oauth2/auth/requests/logout/reject?logout_challenge=   reject once: 204 (the user stays signed in)
/// </summary>
internal static class LogoutRequestEndpoints
{
    public static RouteGroupBuilder MapLogoutRequestEndpoints(this RouteGroupBuilder admin)
    {
        admin.MapGet("/admin/oauth2/auth/requests/logout", GetOAuth2LogoutRequest);
        admin.MapPut("/admin/oauth2/auth/requests/logout/accept", AcceptOAuth2LogoutRequest);
        admin.MapPut("/admin/oauth2/auth/requests/logout/reject", RejectOAuth2LogoutRequest);
        return admin;
    }

    private static async Task<Results<Ok<LogoutRequestResponse>, ErrorResult>> GetOAuth2LogoutRequest(
        [FromQuery(Name = "logout_challenge")] string? challenge, LogoutRequests requests, ClientDescriptions clients, CancellationToken cancellationToken)
    {
        if (!(await requests.FindAsync(challenge, cancellationToken)).TryGetValue(out var request, out var error))
        {
            return new ErrorResult(error);
        }

        var client = request.ClientId is null ? null : await clients.DescribeAsync(request.ClientId, cancellationToken);
        return TypedResults.Ok(LogoutRequestResponse.From(request, challenge!, client));
    }

    private static async Task<Results<Ok<RedirectToResponse>, ErrorResult>> AcceptOAuth2LogoutRequest(
        [FromQuery(Name = "logout_challenge")] string? challenge, LogoutRequests requests, CancellationToken cancellationToken) =>
        LoginRequestEndpoints.Redirect(await requests.AcceptAsync(challenge, cancellationToken));

    private static async Task<Results<NoContent, ErrorResult>> RejectOAuth2LogoutRequest(
        [FromQuery(Name = "logout_challenge")] string? challenge, LogoutRequests requests, CancellationToken cancellationToken) =>
        (await requests.RejectAsync(challenge, cancellationToken)).TryGetValue(out _, out var error)
            ? TypedResults.NoContent()
            : new ErrorResult(error);
}
