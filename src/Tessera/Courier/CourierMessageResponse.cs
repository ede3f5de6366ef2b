// SPDX-License-Identifier: Apache-2.0
namespace Tessera.Courier;

/// <summary>Kratos's <c>message</c>: the outbox row as the admin API shows it (template data stays private).</summary>
internal sealed record CourierMessageResponse(
    Guid Id,
    string Type,
    string Status,
    string Recipient,
    string Subject,
    string Body,
    string TemplateType,
    int SendCount,
    string Channel,
    IReadOnlyList<MessageDispatch> Dispatches,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    public static CourierMessageResponse From(CourierMessage message) => new(
        message.Id, message.Type, message.Status, message.Recipient, message.Subject, message.Body, message.TemplateType,
        message.SendCount, message.Channel, message.Dispatches, message.CreatedAt, message.UpdatedAt);
}
