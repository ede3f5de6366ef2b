// SPDX-License-Identifier: Apache-2.0
using Tessera.Captcha;
using Tessera.Errors;
using Tessera.Hosting;
using Tessera.Hosting.QueryParameters;
using Tessera.SelfService.Hooks;
using Tessera.Sessions.TokenExchange;

namespace Tessera.SelfService.Flows;

/// <summary>
/// What every flow kind does when it starts: refusing a signed-in client where Kratos does (login, registration,
/// recovery), the captcha node when one is required, the <c>before.hooks</c>, storing the flow and answering with it.
/// </summary>
internal sealed class FlowStarter(
    FlowCompletion completion, CaptchaGate captcha, FlowHooks hooks, FlowStore store, FlowResponder responder, SessionTokenExchangeStore exchanges)
{
    /// <summary>
    /// Kratos: a signed-in HTML browser goes back to <c>return_to</c> (else the default return URL); scripts and API
    /// clients get 400 <c>session_already_available</c>. Null when the request carries no usable session.
    /// </summary>
    public async Task<IResult?> RefuseSignedInAsync(HttpContext context, FlowKind kind, FlowType type, Uri? returnTo, CancellationToken cancellationToken)
    {
        if (await completion.CurrentSessionAsync(context, cancellationToken) is null)
        {
            return null;
        }

        return type == FlowType.Browser && !FlowClient.WantsJson(context.Request)
            ? new SeeOtherResult(returnTo ?? completion.DefaultReturnUrl)
            : new ErrorResult(SessionAlreadyAvailable(kind));
    }

    /// <summary><c>session_already_available</c>, its reason naming the flow that cannot start (Kratos words it per flow).</summary>
    public static TesseraError SessionAlreadyAvailable(FlowKind kind) =>
        ErrorCatalog.SessionAlreadyAvailable.With(new Dictionary<string, object?> { ["flow"] = FlowNames.Of(kind) });

    /// <summary>Runs the before-hooks on the new flow, then stores it and answers with it (browsers: its UI).</summary>
    public async Task<IResult> StartAsync(HttpContext context, Flow flow, CancellationToken cancellationToken)
    {
        var stored = await StoreAsync(context, flow, cancellationToken);
        return stored.Succeeded ? responder.Created(context, stored.Value) : new ErrorResult(stored.Error);
    }

    /// <summary>The same without answering: for a flow another flow starts (recovery's settings flow).</summary>
    public async Task<Result<Flow>> StoreAsync(HttpContext context, Flow flow, CancellationToken cancellationToken)
    {
        var exchange = ExchangeRequested(context, flow);
        if (!exchange.Succeeded)
        {
            return exchange.Error;
        }

        await captcha.AddNodeIfRequiredAsync(context, flow, cancellationToken);
        if (await hooks.BeforeAsync(context, flow, cancellationToken) is { } refused)
        {
            return refused;
        }

        await store.InsertAsync(flow, cancellationToken);
        return exchange.Value
            ? flow with { SessionTokenExchangeCode = await exchanges.StartAsync(flow.Id, flow.ExpiresAt, cancellationToken) }
            : flow;
    }

    /// <summary>
    /// Kratos's <c>return_session_token_exchange_code</c>: a native login or registration flow may ask for the codes
    /// with which the app later fetches the session a browser completes (social sign-in); other flows ignore it.
    /// </summary>
    private static Result<bool> ExchangeRequested(HttpContext context, Flow flow)
    {
        if (flow.Type != FlowType.Api || flow.Kind is not (FlowKind.Login or FlowKind.Registration))
        {
            return false;
        }

        var requested = QueryParameterReader.Boolean(context.Request.Query, "return_session_token_exchange_code");
        return requested.Succeeded ? requested.Value == true : requested.Error;
    }
}
