// SPDX-License-Identifier: Apache-2.0
using Microsoft.AspNetCore.Http.HttpResults;
using Tessera.Errors;
using Tessera.Hosting;
using Tessera.Hosting.Pagination;

namespace Tessera.Courier;

/// <summary>
/// Admin API:
/// GET /admin/courier/messages        list (?status=, ?recipient=, ?page_size=, ?page_token=; Link header, Paginator)
/// GET /admin/courier/messages/{id}   one message
/// </summary>
internal static class AdminCourierEndpoints
{
    public static IEndpointRouteBuilder MapCourierEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var admin = endpoints.MapAdminApi();
        admin.MapGet("/admin/courier/messages", ListCourierMessages);
        admin.MapGet("/admin/courier/messages/{id}", GetCourierMessage);
        return endpoints;
    }

    private static async Task<Results<Ok<List<CourierMessageResponse>>, ErrorResult>> ListCourierMessages(
        HttpContext context, string? status, string? recipient, CourierStore store, CancellationToken cancellationToken)
    {
        // Kratos pages courier messages by keyset only (no page / per_page).
        var paging = Paginator.Parse<CreatedAtPosition>(context.Request.Query, legacyAllowed: false);
        if (!paging.TryGetValue(out var page, out var error))
        {
            return new ErrorResult(error);
        }

        if (!string.IsNullOrEmpty(status) && !CourierMessageStatus.All.Contains(status))
        {
            return new ErrorResult(ErrorCatalog.CourierMessageQueryInvalid);
        }

        var rows = await store.ListAsync(
            new CourierMessageQuery(NullIfEmpty(status), NullIfEmpty(recipient), page.Size, page.After), cancellationToken);
        var items = rows.Take(page.Size).ToList();
        var next = rows.Count > page.Size ? new CreatedAtPosition(items[^1].CreatedAt, items[^1].Id) : null;
        PageHeaders.Write(context, page, next, total: null);
        return TypedResults.Ok(items.Select(CourierMessageResponse.From).ToList());
    }

    private static async Task<Results<Ok<CourierMessageResponse>, ErrorResult>> GetCourierMessage(
        string id, CourierStore store, CancellationToken cancellationToken)
    {
        var message = Guid.TryParse(id, out var messageId) ? await store.FindAsync(messageId, cancellationToken) : null;
        return message is null
            ? new ErrorResult(ErrorCatalog.CourierMessageNotFound)
            : TypedResults.Ok(CourierMessageResponse.From(message));
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
