// SPDX-License-Identifier: Apache-2.0
using System.Text.Json.Nodes;
using Tessera.Errors;
using Tessera.Hosting;
using Tessera.Identities;
using Tessera.Identities.Schemas;
using Tessera.SelfService.Hooks;
using Tessera.Sessions;
using Tessera.Ui.Messages;

namespace Tessera.SelfService.Flows.Settings;

/// <summary>
/// What a settings submission comes to on the wire: the saved flow (<c>state: success</c>, <c>continue_with</c>),
/// the form again with its messages, or the flow kept as it is while the user re-authenticates.
/// </summary>
internal sealed class SettingsCompletion(FlowStore store, FlowResponder responder, FlowRerenderer rerenderer, SettingsFormRenderer forms, FlowHooks hooks)
{
    public Uri UiUrl(Flow flow) => responder.UiUrl(flow);

    public ErrorResult ExpiredOnFetch(Flow flow) => responder.ExpiredOnFetch(flow);

    public Task KeepAsync(Flow flow, CancellationToken cancellationToken) => store.SaveAsync(flow, cancellationToken);

    /// <summary>
    /// Hook point (issue 8): <c>settings.after[.method].hooks</c> run once the change is saved (Kratos's post-persist
    /// settings hooks). An interrupting hook changes the answer (its messages on the form, or its error), not the saved
    /// identity; <c>revoke_active_sessions</c> ends the identity's other sessions, keeping <paramref name="session"/>.
    /// </summary>
    public async Task<IResult> SavedAsync(HttpContext context, Flow flow, Identity saved, IdentitySchema schema, Session session, CancellationToken cancellationToken)
    {
        var afterHooks = hooks.After(FlowKind.Settings, flow.Active ?? string.Empty);
        var hooked = await hooks.RunAsync(afterHooks, context, flow, saved, cancellationToken);
        if (hooked.Stopped is { } stop)
        {
            HookMessages.AddTo(flow.Ui, stop);
            return stop.Messages is null ? new ErrorResult(stop.Error!) : await RerenderAsync(context, flow, StatusCodes.Status400BadRequest, cancellationToken);
        }

        await hooks.AfterSignInAsync(afterHooks, saved.Id, session.Id, cancellationToken);
        var updated = forms.WithIdentity(flow with { State = SettingsFlowService.StateSuccess }, saved);
        forms.Render(updated, saved, schema);
        updated.Ui.AddMessage(null, UiMessages.InfoSelfServiceSettingsUpdateSuccess.With());
        var continueWith = new JsonArray();
        if (updated.ReturnTo is not null)
        {
            continueWith.Add(new JsonObject { ["action"] = "redirect_browser_to", ["redirect_browser_to"] = updated.ReturnTo });
        }

        updated.InternalContext[FlowResponse.ContinueWithKey] = continueWith;

        // Settings flows stay usable after a save (Kratos; see FlowFinality), so this is a save, not a claim.
        await store.SaveAsync(updated, cancellationToken);
        if (FlowCompletion.AnswersWithRedirect(context, updated))
        {
            // Kratos: back to return_to, else to the settings UI, which shows the flow with its success message.
            return new SeeOtherResult(updated.ReturnTo is null ? responder.UiUrl(updated) : new Uri(updated.ReturnTo));
        }

        return TypedResults.Ok(FlowResponse.From(updated));
    }

    public Task<IResult> RerenderAsync(HttpContext context, Flow flow, int status, CancellationToken cancellationToken)
    {
        var updated = flow with { State = SettingsFlowService.StateShowForm };
        updated.InternalContext.Remove(FlowResponse.ContinueWithKey);
        return rerenderer.SaveAsync(context, updated, status, cancellationToken);
    }
}
