// SPDX-License-Identifier: Apache-2.0
using System.Text.Json;

namespace Tessera.IntegrationTests.Fixtures;

/// <summary>Reading Kratos flow JSON in tests: node values, message ids.</summary>
public static class FlowJson
{
    public static string? NodeValue(JsonElement flow, string name) =>
        Node(flow, name).GetProperty("attributes").TryGetProperty("value", out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    public static JsonElement Node(JsonElement flow, string name) =>
        flow.GetProperty("ui").GetProperty("nodes").EnumerateArray()
            .First(n => n.GetProperty("attributes").TryGetProperty("name", out var n2) && n2.GetString() == name);

    public static IReadOnlyList<long> MessageIds(JsonElement flow) =>
        flow.GetProperty("ui").GetProperty("messages").EnumerateArray().Select(m => m.GetProperty("id").GetInt64()).ToList();

    public static IReadOnlyList<long> NodeMessageIds(JsonElement flow, string name) =>
        Node(flow, name).GetProperty("messages").EnumerateArray().Select(m => m.GetProperty("id").GetInt64()).ToList();

    public static string FlowIdFromLocation(HttpResponseMessage redirect)
    {
        var location = redirect.Headers.Location ?? throw new InvalidOperationException("no Location header");
        var query = System.Web.HttpUtility.ParseQueryString(location.Query);
        return query["flow"] ?? throw new InvalidOperationException($"no flow in {location}");
    }
}
