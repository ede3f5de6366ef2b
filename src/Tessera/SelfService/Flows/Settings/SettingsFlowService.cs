// SPDX-License-Identifier: Apache-2.0
using System.Text.Json.Nodes;
using Tessera.Errors;
using Tessera.Hosting;
using Tessera.Identities;
using Tessera.Ui.Messages;

namespace Tessera.SelfService.Flows.Settings;

/// <summary>
/// The settings journey: creating a flow for the session's identity, fetching it, and submitting it to one of the
/// methods. Every submission passes <see cref="SettingsAccess"/> (session, identity, assurance level) and the
/// <see cref="FlowGate"/> (CSRF, expiry with seed row B5's split) before its method runs.
/// </summary>
internal sealed class SettingsFlowService(
    FlowFactory factory, FlowStarter starter, FlowGate gate, SettingsAccess access, SettingsFormRenderer forms, SettingsCompletion completion)
{
    public const string StateShowForm = "show_form";
    public const string StateSuccess = "success";

    public async Task<IResult> CreateAsync(HttpContext context, FlowType type, Uri? returnTo, CancellationToken cancellationToken)
    {
        if (!access.Enabled)
        {
            return new ErrorResult(ErrorCatalog.SelfServiceFlowDisabled);
        }

        var (_, identity, refusal) = await access.AuthorizeAsync(context, type, flow: null, comeBackTo: null, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        return await starter.StartAsync(context, await NewFlowAsync(context, type, identity!, returnTo, cancellationToken), cancellationToken);
    }

    /// <summary>
    /// A stored settings flow for an identity whose session was issued by this very request (a completed recovery),
    /// so the request does not carry it and <see cref="SettingsAccess"/> has nothing to check.
    /// </summary>
    public async Task<Result<Flow>> CreateForAsync(
        HttpContext context, FlowType type, Identity identity, Uri? returnTo, CancellationToken cancellationToken, UiText? message = null)
    {
        var flow = await NewFlowAsync(context, type, identity, returnTo, cancellationToken);
        if (message is not null)
        {
            flow.Ui.AddMessage(null, message);
        }

        return await starter.StoreAsync(context, flow, cancellationToken);
    }

    /// <summary><c>GET /self-service/settings/flows?id=</c>: only for the flow's identity, in the browser that started it.</summary>
    public async Task<IResult> FetchAsync(HttpContext context, Flow flow, FlowLookup flows, CancellationToken cancellationToken)
    {
        var (_, identity, refusal) = await access.AuthorizeAsync(context, flow.Type, flow, completion.UiUrl(flow), cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        if (!flows.BelongsToBrowser(flow, context.Request))
        {
            return new ErrorResult(ErrorCatalog.SecurityCsrfViolation);
        }

        return flow.IsExpiredAt(access.Now)
            ? completion.ExpiredOnFetch(flow)
            : TypedResults.Ok(FlowResponse.From(forms.WithIdentity(flow, identity!)));
    }

    public async Task<IResult> SubmitAsync(HttpContext context, Flow flow, UpdateSettingsFlowRequest body, CancellationToken cancellationToken)
    {
        var (session, identity, refusal) = await access.AuthorizeAsync(context, flow.Type, flow, completion.UiUrl(flow), cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        var schema = await forms.SchemaAsync(identity!, cancellationToken);
        flow = forms.WithIdentity(flow, identity!);
        var blocked = await gate.CheckAsync(context, flow, body.CsrfToken, UiMessages.ErrorValidationSettingsFlowExpired,
            replacement => forms.AddNodes(replacement, identity!, schema), cancellationToken);
        if (blocked is not null)
        {
            return blocked;
        }

        forms.Render(flow, identity!, schema);
        var method = forms.Find(body.ImpliedMethod);
        if (method is null)
        {
            flow.Ui.AddMessage(null, UiMessages.ErrorValidationSettingsNoStrategyFound.With());
            return await completion.RerenderAsync(context, flow with { Active = null }, StatusCodes.Status400BadRequest, cancellationToken);
        }

        flow = flow with { Active = method.Name };
        var outcome = await method.SubmitAsync(new SettingsSubmission(flow, identity!, schema, session!, body, access.IsPrivileged(session!)) { Context = context }, cancellationToken);
        if (outcome.NeedsRefresh)
        {
            await completion.KeepAsync(flow with { State = StateShowForm }, cancellationToken);
            return access.RefreshRequired(context, flow, completion.UiUrl(flow));
        }

        if (outcome.Answer is { } answer)
        {
            return answer;
        }

        if (outcome.Error is not null)
        {
            return new ErrorResult(outcome.Error);
        }

        return outcome.Saved is { } saved
            ? await completion.SavedAsync(context, flow, saved, schema, session!, cancellationToken)
            : await completion.RerenderAsync(context, flow, outcome.RerenderStatus ?? StatusCodes.Status400BadRequest, cancellationToken);
    }

    private async Task<Flow> NewFlowAsync(HttpContext context, FlowType type, Identity identity, Uri? returnTo, CancellationToken cancellationToken)
    {
        var flow = forms.WithIdentity(factory.Create(context, FlowKind.Settings, type, returnTo, StateShowForm) with { IdentityId = identity.Id }, identity);
        forms.AddNodes(flow, identity, await forms.SchemaAsync(identity, cancellationToken));
        return flow;
    }
}
