// SPDX-License-Identifier: Apache-2.0
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Tessera.Configuration;
using Tessera.Errors;
using Tessera.Hosting;
using Tessera.Hosting.RequestBodies;
using Tessera.Identities;
using Tessera.SelfService.Methods.Code;

namespace Tessera.SelfService.Flows.Recovery;

/// <summary>
/// Kratos's recovery endpoints.
/// Public API:
/// GET  /self-service/recovery/browser   createBrowserRecoveryFlow (303 to the recovery UI, or the flow as JSON)
/// GET  /self-service/recovery/api       createNativeRecoveryFlow
/// GET  /self-service/recovery/flows     getRecoveryFlow (?id=)
/// POST /self-service/recovery           updateRecoveryFlow (?flow=; form or JSON)
/// Admin API:
/// POST /admin/recovery/code             createRecoveryCodeForIdentity (201)
/// </summary>
internal static class RecoveryEndpoints
{
    public static IEndpointRouteBuilder MapRecoveryEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapPublicApi();
        api.MapGet("/self-service/recovery/browser", CreateBrowserRecoveryFlow);
        api.MapGet("/self-service/recovery/api", CreateNativeRecoveryFlow);
        api.MapGet("/self-service/recovery/flows", GetRecoveryFlow);
        api.MapPost("/self-service/recovery", UpdateRecoveryFlow).DisableAntiforgery();
        endpoints.MapAdminApi().MapPost("/admin/recovery/code", CreateRecoveryCodeForIdentity)
            .Produces(StatusCodes.Status201Created).Produces(StatusCodes.Status400BadRequest).Produces(StatusCodes.Status404NotFound);
        return endpoints;
    }

    private static Task<IResult> CreateBrowserRecoveryFlow(
        HttpContext context, RecoveryFlowService recovery, ReturnToValidator returnTo, string? return_to, CancellationToken cancellationToken) =>
        FlowEndpointHandlers.CreateAsync(returnTo, return_to, target => recovery.CreateAsync(context, FlowType.Browser, target, cancellationToken));

    private static Task<IResult> CreateNativeRecoveryFlow(
        HttpContext context, RecoveryFlowService recovery, ReturnToValidator returnTo, string? return_to, CancellationToken cancellationToken) =>
        FlowEndpointHandlers.CreateAsync(returnTo, return_to, target => recovery.CreateAsync(context, FlowType.Api, target, cancellationToken));

    private static Task<IResult> GetRecoveryFlow(
        string? id, HttpContext context, FlowLookup flows, FlowResponder responder, TimeProvider clock, CancellationToken cancellationToken) =>
        FlowEndpointHandlers.GetAsync(FlowKind.Recovery, id, context, flows, responder, clock, cancellationToken);

    private static Task<IResult> UpdateRecoveryFlow(
        string? flow, HttpContext context, FlowLookup flows, RecoveryFlowService recovery, IOptions<JsonOptions> json, CancellationToken cancellationToken) =>
        FlowEndpointHandlers.SubmitAsync<UpdateRecoveryFlowRequest>(FlowKind.Recovery, flow, context, flows, json.Value.SerializerOptions,
            (found, body) => recovery.SubmitAsync(context, found, body, cancellationToken), cancellationToken);

    private static async Task<IResult> CreateRecoveryCodeForIdentity(
        HttpContext context, RecoveryFlowService recovery, IdentityStore identities, CodeOptions code, IOptions<JsonOptions> json, CancellationToken cancellationToken)
    {
        var body = await RequestBodyReader.ReadAsync<CreateRecoveryCodeForIdentityRequest>(context.Request, json.Value.SerializerOptions, allowForm: false, cancellationToken);
        if (!body.Succeeded)
        {
            return new ErrorResult(body.Error);
        }

        var request = body.Value;
        if (!Guid.TryParse(request.IdentityId, out var identityId))
        {
            return new ErrorResult(RequestErrors.Malformed("identity_id must be a UUID"));
        }

        var expiresIn = code.Lifespan;
        if (request.ExpiresIn is { Length: > 0 } text && (!GoDuration.TryParse(text, out expiresIn) || expiresIn <= TimeSpan.Zero))
        {
            return new ErrorResult(RequestErrors.Malformed("expires_in must be a positive duration such as 15m or 1h"));
        }

        if (request.FlowType is not (null or "" or "browser" or "api"))
        {
            return new ErrorResult(RequestErrors.Malformed("flow_type must be browser or api"));
        }

        if (await identities.GetAsync(identityId, cancellationToken) is not { } identity)
        {
            return new ErrorResult(ErrorCatalog.IdentityNotFound);
        }

        var type = request.FlowType == "api" ? FlowType.Api : FlowType.Browser;
        return TypedResults.Created((string?)null, await recovery.CreateForIdentityAsync(context, identity, type, expiresIn, cancellationToken));
    }
}
