// SPDX-License-Identifier: Apache-2.0
namespace Tessera.Errors;

/// <summary>
/// The courier's errors. Delivery failures happen in the background and never answer an HTTP request (the flow
/// has already said "sent"): they are recorded on the message's dispatches and logged under these ids. The admin
/// API's own errors answer requests as usual.
/// </summary>
internal static partial class ErrorCatalog
{
    public static readonly ErrorDescriptor CourierConnectionFailed = new(
        "courier_connection_failed", 503,
        "The courier cannot reach its delivery channel.",
        "The courier could not connect to {channel}.",
        "The SMTP server or HTTP channel configured under `courier` is unreachable (down, wrong host or port, TLS mismatch). The message stays queued and is retried.",
        "Check `courier.smtp.connection_uri` (or the HTTP channel's URL) and connectivity from the node; queued messages go out once it works.",
        "E-mails are not arriving; the courier log shows `courier_connection_failed`");

    public static readonly ErrorDescriptor CourierResponseInvalid = new(
        "courier_response_invalid", 502,
        "The delivery channel answered unexpectedly.",
        "The delivery channel {channel} answered unexpectedly.",
        "The SMTP server or HTTP channel accepted the connection but refused the message or answered with something Tessera cannot interpret. The answer is recorded on the message's dispatch and the message is retried.",
        "Read the dispatch at `/admin/courier/messages/{id}`; fix the channel's credentials, sender address or payload template.",
        "E-mails are not arriving; a message's dispatch records an error");

    public static readonly ErrorDescriptor CourierSendFailed = new(
        "courier_send_failed", 502,
        "The message could not be delivered.",
        "The message was abandoned after {retries} attempts.",
        "Delivery failed `courier.message_retries` times; the message is marked abandoned. The flow that sent it still says it was sent, so nobody learns whether an account exists.",
        "Find the message at `/admin/courier/messages` (status abandoned), fix the channel, and let the user request a new code.",
        "A verification or recovery e-mail never arrives; the message is abandoned");

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
        "`status` is not one of queued, processing, sent, abandoned (paging parameters that cannot be read answer `malformed_request`, naming the parameter).",
        "Pass a valid `status`, and follow the `Link` header's `next` URL to page.");
}
