// SPDX-License-Identifier: Apache-2.0
using Tessera.Errors;

namespace Tessera.Hosting.QueryParameters;

/// <summary>
/// Typed query parameters read the way Kratos reads them: absent (or empty, see
/// <see cref="EmptyQueryParametersMiddleware"/>) is null; a value that cannot be read is a 400 whose reason names
/// the parameter, instead of the framework's binding failure that names nothing.
/// </summary>
internal static class QueryParameterReader
{
    /// <summary>A boolean as Go's <c>strconv.ParseBool</c> reads it (Kratos's <c>refresh</c>).</summary>
    public static Result<bool?> Boolean(HttpRequest request, string name)
    {
        return Single(request, name) switch
        {
            null => Result<bool?>.Success(null),
            "1" or "t" or "T" or "TRUE" or "true" or "True" => true,
            "0" or "f" or "F" or "FALSE" or "false" or "False" => false,
            _ => Invalid(name, "must be true or false"),
        };
    }

    /// <summary>One of a fixed set of values, compared case-insensitively and returned as listed.</summary>
    public static Result<string?> OneOf(HttpRequest request, string name, IReadOnlyList<string> allowed)
    {
        var text = Single(request, name);
        if (text is null)
        {
            return (string?)null;
        }

        foreach (var value in allowed)
        {
            if (string.Equals(value, text, StringComparison.OrdinalIgnoreCase))
            {
                return value;
            }
        }

        return Invalid(name, $"must be one of {string.Join(", ", allowed)}");
    }

    /// <summary>The catalog error for a parameter whose value cannot be used: <paramref name="problem"/> says why.</summary>
    public static TesseraError Invalid(string name, string problem) =>
        RequestErrors.Malformed($"the query parameter `{name}` {problem}", new Dictionary<string, object?> { ["parameter"] = name });

    private static string? Single(HttpRequest request, string name)
    {
        var values = request.Query[name];
        return values.Count == 0 || string.IsNullOrEmpty(values[^1]) ? null : values[^1];
    }
}
