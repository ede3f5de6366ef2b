// SPDX-License-Identifier: Apache-2.0
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Tessera.Ui.ErrorPages;

/// <summary>The parts of Kratos's <c>genericError</c> the error page shows.</summary>
internal sealed record ShownError(string Id, int Status, string Message, string Reason, string RequestId, JsonNode? Details)
{
    public static ShownError From(JsonNode error) => new(
        Text(error, "id") ?? "-",
        error["code"] is JsonValue code && code.TryGetValue<int>(out var status) ? status : StatusCodes.Status500InternalServerError,
        Text(error, "message") ?? string.Empty,
        Text(error, "reason") ?? string.Empty,
        Text(error, "request") ?? "-",
        error["details"]);

    /// <summary>A string member of <see cref="Details"/>, such as <c>redirect_to</c>.</summary>
    public string? Detail(string member) => Details is JsonObject details ? Text(details, member) : null;

    private static string? Text(JsonNode node, string member) =>
        node[member] is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;
}
