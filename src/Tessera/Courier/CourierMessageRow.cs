// SPDX-License-Identifier: Apache-2.0
using System.Text.Json;

namespace Tessera.Courier;

/// <summary>The <c>courier_messages</c> columns as Dapper reads them.</summary>
internal sealed class CourierMessageRow
{
    public const string Columns =
        "id, type, channel, status, recipient, subject, body, body_plaintext, template_type, template_data, send_count, dispatches, next_attempt_at, created_at, updated_at";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public Guid Id { get; init; }

    public string Type { get; init; } = "email";

    public string Channel { get; init; } = "email";

    public string Status { get; init; } = CourierMessageStatus.Queued;

    public string Recipient { get; init; } = string.Empty;

    public string Subject { get; init; } = string.Empty;

    public string Body { get; init; } = string.Empty;

    public string BodyPlaintext { get; init; } = string.Empty;

    public string TemplateType { get; init; } = string.Empty;

    public string TemplateData { get; init; } = "{}";

    public int SendCount { get; init; }

    public string Dispatches { get; init; } = "[]";

    public DateTimeOffset NextAttemptAt { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }

    public static string Serialize(IReadOnlyList<MessageDispatch> dispatches) => JsonSerializer.Serialize(dispatches, Json);

    public CourierMessage ToMessage() => new(
        Id, Type, Channel, Status, Recipient, Subject, Body, BodyPlaintext, TemplateType, SendCount,
        JsonSerializer.Deserialize<List<MessageDispatch>>(Dispatches, Json) ?? [], NextAttemptAt, CreatedAt, UpdatedAt)
    {
        TemplateData = TemplateData,
    };
}
