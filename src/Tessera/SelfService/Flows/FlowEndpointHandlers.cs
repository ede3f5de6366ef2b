// SPDX-License-Identifier: Apache-2.0
using System.Text.Json;
using Tessera.Errors;
using Tessera.Errors.Occurrences;
using Tessera.Hosting.QueryParameters;
using Tessera.Hosting.RequestBodies;

namespace Tessera.SelfService.Flows;

/// <summary>
/// The two endpoint bodies every flow kind shares: fetching a flow (<c>GET /self-service/&lt;kind&gt;/flows?id=</c>)
/// and reading a submission (<c>POST /self-service/&lt;kind&gt;?flow=</c>) before the kind's service handles it.
/// </summary>
internal static class FlowEndpointHandlers
{
    /// <summary>Starting a flow: <c>return_to</c> is validated first (a foreign one is refused), then the kind creates it.</summary>
    public static async Task<IResult> CreateAsync(ReturnToValidator returnTo, string? returnToText, Func<Uri?, Task<IResult>> create)
    {
        var target = returnTo.Validate(returnToText);
        return target.Succeeded ? await create(target.Value) : new ErrorResult(target.Error);
    }

    public static async Task<IResult> GetAsync(
        FlowKind kind, string? id, HttpContext context, FlowLookup flows, FlowResponder responder, TimeProvider clock, CancellationToken cancellationToken)
    {
        var found = await flows.FindAsync(id, kind, cancellationToken);
        if (!found.Succeeded)
        {
            return new ErrorResult(found.Error);
        }

        // A browser flow carries that browser's CSRF token: only that browser may read it.
        if (!flows.BelongsToBrowser(found.Value, context.Request))
        {
            return new ErrorResult(ErrorCatalog.SecurityCsrfViolation);
        }

        return found.Value.IsExpiredAt(clock.GetUtcNow())
            ? responder.ExpiredOnFetch(found.Value)
            : TypedResults.Ok(FlowResponse.From(found.Value));
    }

    public static async Task<IResult> SubmitAsync<TBody>(
        FlowKind kind, string? id, HttpContext context, FlowLookup flows, JsonSerializerOptions json,
        Func<Flow, TBody, Task<IResult>> submit, CancellationToken cancellationToken)
        where TBody : class
    {
        // Kratos: a submission must name its flow; without a readable `flow` it is a bad request, not an unknown flow.
        if (!Guid.TryParse(id, out _))
        {
            return new ErrorResult(QueryParameterReader.Invalid("flow", "is missing or is not a flow id (a UUID)"));
        }

        var found = await flows.FindAsync(id, kind, cancellationToken);
        if (!found.Succeeded)
        {
            return new ErrorResult(found.Error);
        }

        var body = await RequestBodyReader.ReadAsync<TBody>(context.Request, json, cancellationToken: cancellationToken);
        if (body.Succeeded)
        {
            // Resolved here rather than passed by each kind's endpoints: the funnel's "submitted" is this one place.
            context.RequestServices.GetRequiredService<OccurrenceRecorder>().Step(FlowNames.Of(kind), found.Value.Id, FunnelSteps.Submitted);
        }

        return body.Succeeded ? await submit(found.Value, body.Value) : new ErrorResult(body.Error);
    }
}
