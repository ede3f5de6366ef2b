// SPDX-License-Identifier: Apache-2.0
namespace Tessera.Errors;

/// <summary>Errors of the courier's admin API.</summary>
internal static partial class ErrorCatalog
{
    public static readonly ErrorDescriptor CourierMessageNotFound = new(
        "courier_message_not_found", 404,
        "The courier message could not be found.",
        "No courier message with this id exists.",
        "The id in `/admin/courier/messages/{id}` is not a UUID, or does not name a message of this project (it never existed or was deleted).",
        "Use an id from `GET /admin/courier/messages` or the one the flow reported when it queued the message.");

    public static readonly ErrorDescriptor CourierMessageQueryInvalid = new(
        "courier_message_query_invalid", 400,
        "The courier message list request is not valid.",
        "A query parameter of the courier message list is not valid.",
        "`page_size` is not a whole number from 1 to 1000, `page_token` is not a token this API returned, or `status` is not one of queued, processing, sent, abandoned.",
        "Follow the `Link` header's `next` URL to page, and pass a valid `status`.");
}
