// SPDX-License-Identifier: Apache-2.0
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tessera.Hosting.Json;

/// <summary>
/// The JSON every answer is written with (the HTTP APIs and the CLI's JSON output): snake_case names as Kratos's,
/// absent optional fields left out (a field Kratos always writes, even as null, says so with
/// <c>[JsonIgnore(Condition = Never)]</c> on the response type), RFC 3339 timestamps with <c>Z</c>.
/// </summary>
internal static class ApiJson
{
    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        options.Converters.Add(new Rfc3339TimestampConverter());
        return options;
    }
}
