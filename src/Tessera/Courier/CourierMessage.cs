// SPDX-License-Identifier: Apache-2.0
namespace Tessera.Courier;

/// <summary>
/// A message in the outbox. <see cref="Body"/> is the HTML body (Kratos's <c>body</c>); a text message's body is its
/// text. <see cref="TemplateData"/> is the template's model as JSON (the HTTP channels' <c>template_data</c>).
/// </summary>
internal sealed record CourierMessage(
    Guid Id,
    string Type,
    string Channel,
    string Status,
    string Recipient,
    string Subject,
    string Body,
    string BodyPlaintext,
    string TemplateType,
    int SendCount,
    IReadOnlyList<MessageDispatch> Dispatches,
    DateTimeOffset NextAttemptAt,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    public string TemplateData { get; init; } = "{}";
}
