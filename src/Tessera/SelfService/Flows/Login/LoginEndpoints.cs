// SPDX-License-Identifier: Apache-2.0
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Tessera.Errors;
using Tessera.Hosting;

namespace Tessera.SelfService.Flows.Login;

/// <summary>
/// Public API, Kratos's login endpoints:
/// GET  /self-service/login/browser   createBrowserLoginFlow (303 to the login UI, or the flow as JSON)
/// GET  /self-service/login/api       createNativeLoginFlow
/// GET  /self-service/login/flows     getLoginFlow (?id=)
/// POST /self-service/login           updateLoginFlow (?flow=; form or JSON)
/// </summary>
internal static class LoginEndpoints
{
    public static IEndpointRouteBuilder MapLoginEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapPublicApi();
        api.MapGet("/self-service/login/browser", CreateBrowserLoginFlow);
        api.MapGet("/self-service/login/api", CreateNativeLoginFlow);
        api.MapGet("/self-service/login/flows", GetLoginFlow);
        api.MapPost("/self-service/login", UpdateLoginFlow).DisableAntiforgery();
        return endpoints;
    }

    private static Task<IResult> CreateBrowserLoginFlow(
        HttpContext context, LoginFlowService login, ReturnToValidator returnTo, bool? refresh, string? aal, string? return_to, CancellationToken cancellationToken) =>
        CreateAsync(context, FlowType.Browser, login, returnTo, refresh, aal, return_to, cancellationToken);

    private static Task<IResult> CreateNativeLoginFlow(
        HttpContext context, LoginFlowService login, ReturnToValidator returnTo, bool? refresh, string? aal, string? return_to, CancellationToken cancellationToken) =>
        CreateAsync(context, FlowType.Api, login, returnTo, refresh, aal, return_to, cancellationToken);

    private static Task<IResult> GetLoginFlow(
        string? id, HttpContext context, FlowLookup flows, FlowResponder responder, TimeProvider clock, CancellationToken cancellationToken) =>
        FlowEndpointHandlers.GetAsync(FlowKind.Login, id, context, flows, responder, clock, cancellationToken);

    private static Task<IResult> UpdateLoginFlow(
        string? flow, HttpContext context, FlowLookup flows, LoginFlowService login, IOptions<JsonOptions> json, CancellationToken cancellationToken) =>
        FlowEndpointHandlers.SubmitAsync<UpdateLoginFlowRequest>(FlowKind.Login, flow, context, flows, json.Value.SerializerOptions,
            (found, body) => login.SubmitAsync(context, found, body, cancellationToken), cancellationToken);

    private static async Task<IResult> CreateAsync(
        HttpContext context, FlowType type, LoginFlowService login, ReturnToValidator returnTo, bool? refresh, string? aal, string? returnToText,
        CancellationToken cancellationToken)
    {
        if (aal is not null and not ("aal1" or "aal2" or "aal3" or ""))
        {
            return new ErrorResult(RequestErrors.Malformed("aal must be aal1 or aal2"));
        }

        return await FlowEndpointHandlers.CreateAsync(returnTo, returnToText, target =>
            login.CreateAsync(context, type, new LoginFlowRequest(refresh ?? false, string.IsNullOrEmpty(aal) ? null : aal, target), cancellationToken));
    }
}
