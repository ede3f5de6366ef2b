// SPDX-License-Identifier: Apache-2.0
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tessera.Hosting.Json;

/// <summary>
/// Timestamps as Kratos (Go's <c>time.RFC3339Nano</c>) writes them: UTC with <c>Z</c>, fractional seconds without
/// trailing zeros (<c>2026-01-02T03:04:05.1234567Z</c>), never <c>+00:00</c>. Clients that compare strings or parse
/// with a strict RFC 3339 profile see what they see from Kratos. Reading accepts any ISO 8601 offset.
/// </summary>
internal sealed class Rfc3339TimestampConverter : JsonConverter<DateTimeOffset>
{
    private const string Format = "yyyy'-'MM'-'dd'T'HH':'mm':'ss.FFFFFFF'Z'";

    public static string Write(DateTimeOffset value) => value.UtcDateTime.ToString(Format, CultureInfo.InvariantCulture);

    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.GetDateTimeOffset();

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) => writer.WriteStringValue(Write(value));
}
