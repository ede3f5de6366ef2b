// SPDX-License-Identifier: Apache-2.0
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Tessera.Errors;
using Tessera.Hosting;
using Tessera.Hosting.QueryParameters;

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
    private static readonly string[] RequestableAals = ["aal1", "aal2", "aal3"];

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
        HttpContext context, LoginFlowService login, ReturnToValidator returnTo, string? return_to, CancellationToken cancellationToken) =>
        CreateAsync(context, FlowType.Browser, login, returnTo, return_to, cancellationToken);

    private static Task<IResult> CreateNativeLoginFlow(
        HttpContext context, LoginFlowService login, ReturnToValidator returnTo, string? return_to, CancellationToken cancellationToken) =>
        CreateAsync(context, FlowType.Api, login, returnTo, return_to, cancellationToken);

    private static Task<IResult> GetLoginFlow(
        string? id, HttpContext context, FlowLookup flows, FlowResponder responder, TimeProvider clock, CancellationToken cancellationToken) =>
        FlowEndpointHandlers.GetAsync(FlowKind.Login, id, context, flows, responder, clock, cancellationToken);

    private static Task<IResult> UpdateLoginFlow(
        string? flow, HttpContext context, FlowLookup flows, LoginFlowService login, IOptions<JsonOptions> json, CancellationToken cancellationToken) =>
        FlowEndpointHandlers.SubmitAsync<UpdateLoginFlowRequest>(FlowKind.Login, flow, context, flows, json.Value.SerializerOptions,
            (found, body) => login.SubmitAsync(context, found, body, cancellationToken), cancellationToken);

    private static async Task<IResult> CreateAsync(
        HttpContext context, FlowType type, LoginFlowService login, ReturnToValidator returnTo, string? returnToText, CancellationToken cancellationToken)
    {
        var refresh = QueryParameterReader.Boolean(context.Request, "refresh");
        if (!refresh.Succeeded)
        {
            return new ErrorResult(refresh.Error);
        }

        var aal = QueryParameterReader.OneOf(context.Request, "aal", RequestableAals);
        if (!aal.Succeeded)
        {
            return new ErrorResult(aal.Error);
        }

        return await FlowEndpointHandlers.CreateAsync(returnTo, returnToText, target =>
            login.CreateAsync(context, type, new LoginFlowRequest(refresh.Value ?? false, aal.Value, target), cancellationToken));
    }
}
