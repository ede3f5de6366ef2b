// SPDX-License-Identifier: Apache-2.0
using System.Globalization;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using Tessera.Errors;
using Tessera.Hosting;

namespace Tessera.Courier;

/// <summary>
/// Admin API:
/// GET /admin/courier/messages        list (?status=, ?recipient=, ?page_size=, ?page_token=; Link header)
/// GET /admin/courier/messages/{id}   one message
/// </summary>
internal static class AdminCourierEndpoints
{
    private const int DefaultPageSize = 250;
    private const int MaxPageSize = 1000;

    public static IEndpointRouteBuilder MapCourierEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var admin = endpoints.MapAdminApi();
        admin.MapGet("/admin/courier/messages", ListCourierMessages);
        admin.MapGet("/admin/courier/messages/{id}", GetCourierMessage);
        return endpoints;
    }

    private static async Task<Results<Ok<List<CourierMessageResponse>>, ErrorResult>> ListCourierMessages(
        HttpContext context,
        string? status,
        string? recipient,
        [FromQuery(Name = "page_size")] string? pageSize,
        [FromQuery(Name = "page_token")] string? pageToken,
        CourierStore store,
        CancellationToken cancellationToken)
    {
        var size = DefaultPageSize;
        CourierPageCursor? after = null;
        if ((pageSize is not null && (!int.TryParse(pageSize, NumberStyles.None, CultureInfo.InvariantCulture, out size) || size is < 1 or > MaxPageSize))
            || (!string.IsNullOrEmpty(pageToken) && !CourierPageCursor.TryDecode(pageToken, out after))
            || (!string.IsNullOrEmpty(status) && !CourierMessageStatus.All.Contains(status)))
        {
            return new ErrorResult(ErrorCatalog.CourierMessageQueryInvalid);
        }

        var rows = await store.ListAsync(
            new CourierMessageQuery(NullIfEmpty(status), NullIfEmpty(recipient), size, after), cancellationToken);
        var page = rows.Take(size).ToList();
        var next = rows.Count > size ? new CourierPageCursor(page[^1].CreatedAt, page[^1].Id).Encode() : null;
        context.Response.Headers.Link = LinkHeader(context.Request, size, next);
        return TypedResults.Ok(page.Select(CourierMessageResponse.From).ToList());
    }

    private static async Task<Results<Ok<CourierMessageResponse>, ErrorResult>> GetCourierMessage(
        string id, CourierStore store, CancellationToken cancellationToken)
    {
        var message = Guid.TryParse(id, out var messageId) ? await store.FindAsync(messageId, cancellationToken) : null;
        return message is null
            ? new ErrorResult(ErrorCatalog.CourierMessageNotFound)
            : TypedResults.Ok(CourierMessageResponse.From(message));
    }

    // Kratos's keyset pagination header: the first page and, when more follow, the next one; other query
    // parameters (the filters) are kept.
    private static string LinkHeader(HttpRequest request, int size, string? nextToken)
    {
        var query = QueryHelpers.ParseQuery(request.QueryString.Value)
            .Where(p => p.Key is not "page_size" and not "page_token")
            .ToDictionary(p => p.Key, p => p.Value.ToString());
        query["page_size"] = size.ToString(CultureInfo.InvariantCulture);
        var first = $"<{QueryHelpers.AddQueryString(request.Path, query!)}>; rel=\"first\"";
        if (nextToken is null)
        {
            return first;
        }

        query["page_token"] = nextToken;
        return $"{first},<{QueryHelpers.AddQueryString(request.Path, query!)}>; rel=\"next\"";
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
