// SPDX-License-Identifier: Apache-2.0
using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Tessera.Errors;
using Tessera.Hosting;

namespace Tessera.SelfService.Hooks;

/// <summary>
/// Admin API:
/// GET /admin/hooks/executions   the execution log, newest first (?flow_id=, ?identity_id=, ?page_size=)
/// </summary>
internal static class AdminHookEndpoints
{
    private const int DefaultPageSize = 250;
    private const int MaxPageSize = 1000;

    public static IEndpointRouteBuilder MapHookEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapAdminApi().MapGet("/admin/hooks/executions", ListHookExecutions);
        return endpoints;
    }

    private static async Task<Results<Ok<List<HookExecutionResponse>>, ErrorResult>> ListHookExecutions(
        [FromQuery(Name = "flow_id")] string? flowId,
        [FromQuery(Name = "identity_id")] string? identityId,
        [FromQuery(Name = "page_size")] string? pageSize,
        HookExecutionStore store,
        CancellationToken cancellationToken)
    {
        var size = DefaultPageSize;
        Guid flow = default, identity = default;
        if ((pageSize is not null && (!int.TryParse(pageSize, NumberStyles.None, CultureInfo.InvariantCulture, out size) || size is < 1 or > MaxPageSize))
            || (!string.IsNullOrEmpty(flowId) && !Guid.TryParse(flowId, out flow))
            || (!string.IsNullOrEmpty(identityId) && !Guid.TryParse(identityId, out identity)))
        {
            return new ErrorResult(ErrorCatalog.HookExecutionQueryInvalid);
        }

        var rows = await store.ListAsync(
            string.IsNullOrEmpty(flowId) ? null : flow, string.IsNullOrEmpty(identityId) ? null : identity, size, cancellationToken);
        return TypedResults.Ok(rows.Select(HookExecutionResponse.From).ToList());
    }
}
