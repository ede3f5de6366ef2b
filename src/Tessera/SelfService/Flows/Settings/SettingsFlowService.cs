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
    FlowFactory factory, FlowStore store, FlowResponder responder, FlowGate gate, SettingsAccess access, SettingsFormRenderer forms)
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

        var flow = forms.WithIdentity(factory.Create(context, FlowKind.Settings, type, returnTo, StateShowForm) with { IdentityId = identity!.Id }, identity);
        forms.AddNodes(flow, identity, await forms.SchemaAsync(identity, cancellationToken));
        await store.InsertAsync(flow, cancellationToken);
        return responder.Created(context, flow);
    }

    /// <summary><c>GET /self-service/settings/flows?id=</c>: only for the flow's identity, in the browser that started it.</summary>
    public async Task<IResult> FetchAsync(HttpContext context, Flow flow, CancellationToken cancellationToken)
    {
        var (_, identity, refusal) = await access.AuthorizeAsync(context, flow.Type, flow, responder.UiUrl(flow), cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        if (!FlowLookup.BelongsToBrowser(flow, context.Request))
        {
            return new ErrorResult(ErrorCatalog.SecurityCsrfViolation);
        }

        return flow.IsExpiredAt(access.Now)
            ? responder.ExpiredOnFetch(flow)
            : TypedResults.Ok(FlowResponse.From(forms.WithIdentity(flow, identity!)));
    }

    public async Task<IResult> SubmitAsync(HttpContext context, Flow flow, UpdateSettingsFlowRequest body, CancellationToken cancellationToken)
    {
        var (session, identity, refusal) = await access.AuthorizeAsync(context, flow.Type, flow, responder.UiUrl(flow), cancellationToken);
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
        var method = forms.Find(body.Method);
        if (method is null)
        {
            flow.Ui.AddMessage(null, UiMessages.ErrorValidationSettingsNoStrategyFound.With());
            return await RerenderAsync(context, flow with { Active = null }, StatusCodes.Status400BadRequest, cancellationToken);
        }

        flow = flow with { Active = method.Name };
        var outcome = await method.SubmitAsync(new SettingsSubmission(flow, identity!, schema, session!, body, access.IsPrivileged(session!)), cancellationToken);
        if (outcome.NeedsRefresh)
        {
            await store.UpdateAsync(flow with { State = StateShowForm }, cancellationToken);
            return access.RefreshRequired(context, flow, responder.UiUrl(flow));
        }

        if (outcome.Error is not null)
        {
            return new ErrorResult(outcome.Error);
        }

        return outcome.Saved is { } saved
            ? await SavedAsync(context, flow, saved, schema, cancellationToken)
            : await RerenderAsync(context, flow, outcome.RerenderStatus ?? StatusCodes.Status400BadRequest, cancellationToken);
    }

    private async Task<IResult> SavedAsync(HttpContext context, Flow flow, Identity saved, Identities.Schemas.IdentitySchema schema, CancellationToken cancellationToken)
    {
        var updated = forms.WithIdentity(flow with { State = StateSuccess }, saved);
        forms.Render(updated, saved, schema);
        updated.Ui.AddMessage(null, UiMessages.InfoSelfServiceSettingsUpdateSuccess.With());
        var continueWith = new JsonArray();
        if (updated.ReturnTo is not null)
        {
            continueWith.Add(new JsonObject { ["action"] = "redirect_browser_to", ["redirect_browser_to"] = updated.ReturnTo });
        }

        updated.InternalContext[FlowResponse.ContinueWithKey] = continueWith;
        await store.UpdateAsync(updated, cancellationToken);
        if (FlowCompletion.AnswersWithRedirect(context, updated))
        {
            // Kratos: back to return_to, else to the settings UI, which shows the flow with its success message.
            return new SeeOtherResult(updated.ReturnTo is null ? responder.UiUrl(updated) : new Uri(updated.ReturnTo));
        }

        return TypedResults.Ok(FlowResponse.From(updated));
    }

    private async Task<IResult> RerenderAsync(HttpContext context, Flow flow, int status, CancellationToken cancellationToken)
    {
        var updated = flow with { State = StateShowForm };
        updated.InternalContext.Remove(FlowResponse.ContinueWithKey);
        await store.UpdateAsync(updated, cancellationToken);
        return responder.Rerender(context, updated, status);
    }
}
