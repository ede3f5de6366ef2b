// SPDX-License-Identifier: Apache-2.0
using System.Globalization;
using Tessera.Errors;
using Tessera.Errors.Occurrences;
using Tessera.Hosting;
using Tessera.Observability;
using Tessera.Projects.Overlays;
using Tessera.Ui.Messages;

namespace Tessera.SelfService.Flows;

/// <summary>
/// The one place a flow becomes a response, for every kind. API clients and scripts get the flow as JSON; HTML
/// browsers are sent to the flow's UI, which fetches the flow and shows its messages. Expired flows follow the
/// split DESIGN.md decided (seed rows B1, B2, B5). Clients asking for <c>application/problem+json</c> get a flow that
/// carries errors as problem details (<see cref="FlowProblems"/>); this is the one place that decides it.
/// </summary>
internal sealed class FlowResponder(ProjectOptions<SelfServiceOptions> options, PublicUrls urls, TimeProvider clock, FlowProblems problems, ErrorMetrics metrics, OccurrenceRecorder occurrences)
{
    /// <summary>The UI that renders this flow: <c>selfservice.flows.&lt;kind&gt;.ui_url</c> or the built-in page.</summary>
    public Uri UiUrl(Flow flow)
    {
        var ui = options.Value.For(flow.Kind).UiUrl ?? urls.For($"/ui/{FlowNames.Of(flow.Kind)}");
        var separator = string.IsNullOrEmpty(ui.Query) ? "?" : "&";
        return new Uri(ui.AbsoluteUri + separator + "flow=" + flow.Id);
    }

    /// <summary>A flow just created: browsers navigate to its UI, everyone else reads it.</summary>
    public IResult Created(HttpContext context, Flow flow) =>
        flow.Type == FlowType.Browser && !FlowClient.WantsJson(context.Request)
            ? new SeeOtherResult(UiUrl(flow))
            : TypedResults.Ok(FlowResponse.From(flow));

    /// <summary>
    /// A submission that failed validation or credentials: the flow now carries the messages. A client asking for
    /// problem details gets a failure as problem details carrying the flow (also when Kratos answers the flow with 200
    /// and an error message, as for a wrong verification code); everyone else the flow JSON.
    /// </summary>
    public IResult Rerender(HttpContext context, Flow flow, int status = StatusCodes.Status400BadRequest)
    {
        if (FlowProblems.HasErrors(flow))
        {
            TesseraMeter.Flow(FlowNames.Of(flow.Kind), "failed");
            foreach (var id in ErrorMessageIds(flow))
            {
                occurrences.Step(FlowNames.Of(flow.Kind), flow.Id, FunnelSteps.Failed, id);
            }
        }

        if (flow.Type == FlowType.Browser && !FlowClient.WantsJson(context.Request))
        {
            Count(context, flow, status);
            return new SeeOtherResult(UiUrl(flow));
        }

        // A problem details answer counts its own error (the first message's entry) as it is written.
        var asProblem = FlowProblems.Wanted(context) && (status >= StatusCodes.Status400BadRequest || FlowProblems.HasErrors(flow));
        Count(context, flow, status, errors: !asProblem);
        return asProblem
            ? new ErrorResult(problems.For(context, flow, status))
            : TypedResults.Json(FlowResponse.From(flow), statusCode: status);
    }

    /// <summary>
    /// Counts the messages of a flow answered some other way than <see cref="Rerender"/> (a new flow that says why a
    /// link could not be used, reached by a redirect): each message, and the catalog entry each error stands for.
    /// </summary>
    public void Counted(HttpContext context, Flow flow, int status) => Count(context, flow, status);

    /// <summary>
    /// A submission of an expired flow. API flows: 400 with the replacement (it carries the expiry message, and its
    /// <c>ui.action</c> points at itself, so the client simply re-renders). Browser scripts: 410
    /// <c>self_service_flow_expired</c> with <c>use_flow_id</c>. HTML browsers: 303 to the replacement's UI.
    /// </summary>
    public IResult ExpiredOnSubmit(HttpContext context, Flow expired, Flow replacement)
    {
        Count(context, replacement, expired.Type == FlowType.Api ? StatusCodes.Status400BadRequest : StatusCodes.Status410Gone);
        TesseraMeter.Flow(FlowNames.Of(expired.Kind), "expired");
        occurrences.Step(FlowNames.Of(expired.Kind), expired.Id, FunnelSteps.Failed, ErrorCatalog.SelfServiceFlowExpired.Id);
        if (expired.Type == FlowType.Api)
        {
            // Problem details keep the catalog's 410 (with use_flow_id); they carry the replacement all the same.
            return FlowProblems.Wanted(context)
                ? new ErrorResult(problems.For(context, replacement, StatusCodes.Status410Gone, ExpiredError(expired) with { UseFlowId = replacement.Id }))
                : TypedResults.Json(FlowResponse.From(replacement), statusCode: StatusCodes.Status400BadRequest);
        }

        return FlowClient.WantsJson(context.Request)
            ? new ErrorResult(ExpiredError(expired) with { UseFlowId = replacement.Id })
            : new SeeOtherResult(UiUrl(replacement));
    }

    /// <summary>Fetching an expired flow: 410 with where to start a new one, as Kratos answers (UIs restart on it).</summary>
    public ErrorResult ExpiredOnFetch(Flow expired)
    {
        var restart = urls.For($"/self-service/{FlowNames.Of(expired.Kind)}/{FlowNames.Of(expired.Type)}").AbsoluteUri;
        var error = ExpiredError(expired);
        return new ErrorResult(error with { Details = new Dictionary<string, object?> { ["redirect_to"] = restart } });
    }

    /// <summary>The expiry message a replacement flow carries: "The login flow expired 2.00 minutes ago ...".</summary>
    public UiText ExpiryMessage(UiMessage message, Flow expired) => message.WithExpiry(expired.ExpiresAt, clock.GetUtcNow());

    // The messages a submission's answer carries, counted once per answer (the flow UI fetching it again is not counted),
    // each also stored as an occurrence for the error dashboard (with the flow, the route and the answer's status).
    // Each error message counts as the catalog entry it stands for too: the one its context names (error_id: a refused
    // WebAuthn ceremony, a web hook's refusal), else the one that claims its id (4010011 is identity_disabled), which
    // is the entry a problem details answer names for it (UiMessageErrors, the one mapping).
    private void Count(HttpContext context, Flow flow, int status, bool errors = true)
    {
        var kind = FlowNames.Of(flow.Kind);
        foreach (var message in flow.Ui.Messages.Concat(flow.Ui.Nodes.SelectMany(n => n.Messages)))
        {
            metrics.Record(message);
            occurrences.Message(context, kind, flow.Id, message, status);
            if (errors && EntryOf(message) is { } error)
            {
                metrics.Record(error);
            }
        }
    }

    private static ErrorDescriptor? EntryOf(UiText message) =>
        message.Context.GetValueOrDefault("error_id") is string id && ErrorCatalog.Find(id) is { } named ? named
        : message.Type == "error" ? UiMessageErrors.For(message.Id)
        : null;

    // What a failed submission failed with, for the funnel: its error messages' ids, each once.
    private static IEnumerable<string> ErrorMessageIds(Flow flow) =>
        flow.Ui.Messages.Concat(flow.Ui.Nodes.SelectMany(n => n.Messages))
            .Where(m => m.Type == "error")
            .Select(m => m.Id.ToString(CultureInfo.InvariantCulture))
            .Distinct(StringComparer.Ordinal);

    private TesseraError ExpiredError(Flow expired)
    {
        var since = clock.GetUtcNow() - expired.ExpiresAt;
        return new TesseraError(ErrorCatalog.SelfServiceFlowExpired)
        {
            Context = new Dictionary<string, object?> { ["since_minutes"] = Math.Max(0, since.TotalMinutes).ToString("0.00", CultureInfo.InvariantCulture) },
            ExpiredAt = expired.ExpiresAt,
            Since = since,
        };
    }
}
