// SPDX-License-Identifier: Apache-2.0
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Tessera.Errors;
using Tessera.OAuth2.Authorization.Flows;

namespace Tessera.OAuth2.Authorization.Admin;

/// <summary>
/// Hydra's consent request API (admin listener), for operators who keep their own consent app (<c>urls.consent</c>):
/// GET /admin/oauth2/auth/requests/consent?consent_challenge=          the request (410 with redirect_to once handled)
/// PUT /admin/oauth2/auth/requests/consent/accept?consent_challenge=   accept once: 200 {redirect_to}
/// PUT /admin/oauth2/auth/requests/consent/reject?consent_challenge=   reject once: 200 {redirect_to}
/// </summary>
internal static class ConsentRequestEndpoints
{
    public static RouteGroupBuilder MapConsentRequestEndpoints(this RouteGroupBuilder admin)
    {
        admin.MapGet("/admin/oauth2/auth/requests/consent", GetOAuth2ConsentRequest);
        admin.MapPut("/admin/oauth2/auth/requests/consent/accept", AcceptOAuth2ConsentRequest);
        admin.MapPut("/admin/oauth2/auth/requests/consent/reject", RejectOAuth2ConsentRequest);
        return admin;
    }

    private static async Task<Results<Ok<ConsentRequestResponse>, JsonHttpResult<RedirectToResponse>, ErrorResult>> GetOAuth2ConsentRequest(
        [FromQuery(Name = "consent_challenge")] string? challenge, ConsentRequests requests, ClientDescriptions clients, CancellationToken cancellationToken)
    {
        if (!(await requests.FindAsync(challenge, cancellationToken)).TryGetValue(out var flow, out var error))
        {
            return new ErrorResult(error);
        }

        if (flow.WasConsentHandled)
        {
            return TypedResults.Json(new RedirectToResponse(flow.RequestUrl), statusCode: StatusCodes.Status410Gone);
        }

        return TypedResults.Ok(ConsentRequestResponse.From(flow, challenge, await clients.DescribeAsync(flow.ClientId, cancellationToken)));
    }

    private static async Task<Results<Ok<RedirectToResponse>, ErrorResult>> AcceptOAuth2ConsentRequest(
        HttpRequest request, [FromQuery(Name = "consent_challenge")] string? challenge, ConsentRequests requests, CancellationToken cancellationToken)
    {
        if (!(await FlowRequestBody.ReadAsync<AcceptConsentBody>(request, cancellationToken)).TryGetValue(out var body, out var error))
        {
            return new ErrorResult(error);
        }

        return LoginRequestEndpoints.Redirect(await requests.AcceptAsync(challenge, body, cancellationToken));
    }

    private static async Task<Results<Ok<RedirectToResponse>, ErrorResult>> RejectOAuth2ConsentRequest(
        HttpRequest request, [FromQuery(Name = "consent_challenge")] string? challenge, ConsentRequests requests, CancellationToken cancellationToken)
    {
        if (!(await FlowRequestBody.ReadAsync<FlowRejection>(request, cancellationToken)).TryGetValue(out var body, out var error))
        {
            return new ErrorResult(error);
        }

        return LoginRequestEndpoints.Redirect(await requests.RejectAsync(challenge, body, cancellationToken));
    }
}
