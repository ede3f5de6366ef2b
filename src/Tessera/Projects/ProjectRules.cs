// SPDX-License-Identifier: Apache-2.0
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Tessera.Errors;

namespace Tessera.Projects;

/// <summary>The rules for names, slugs, environments and optional ids in the project admin API's bodies.</summary>
internal static partial class ProjectRules
{
    public const int MaxNameLength = 128;
    public const string DefaultSlug = "default";
    public const string DefaultEnvironment = "production";

    private const int MaxEcho = 64;

    /// <summary>
    /// 404 <c>project_not_found</c> for the id or slug an operator named. The name is echoed in the answer, so no more
    /// of it than a slug or an id can be.
    /// </summary>
    public static TesseraError NotFound(string named) =>
        ErrorCatalog.ProjectNotFound.With(new Dictionary<string, object?> { ["id"] = named.Length <= MaxEcho ? named : named[..MaxEcho] + "..." });

    public static Result<string> Name(JsonObject body) =>
        Text(body, "name") is not { } read ? Invalid("name must be a string")
        : read.Trim() is { Length: > 0 and <= MaxNameLength } name && !name.Any(char.IsControl) ? name
        : Invalid($"name must be 1 to {MaxNameLength} printable characters");

    public static Result<string> Slug(JsonObject body) =>
        Text(body, "slug") is { } slug && SlugPattern().IsMatch(slug)
            ? slug
            : Invalid("slug must be 1 to 63 lowercase letters, digits and inner hyphens");

    public static Result<string> Environment(JsonObject body) =>
        !body.ContainsKey("environment") || body["environment"] is null ? DefaultEnvironment
        : Text(body, "environment") is { } environment && EnvironmentPattern().IsMatch(environment) ? environment
        : Invalid("environment must be 1 to 32 lowercase letters, digits, '-' or '_' (e.g. production, sandbox)");

    public static Result<Guid?> OptionalId(JsonObject body, string field) =>
        !body.ContainsKey(field) || body[field] is null ? (Guid?)null
        : Text(body, field) is { } text && Guid.TryParse(text, out var id) ? id
        : Invalid($"{field} must be a UUID");

    public static TesseraError Invalid(string problem) =>
        ErrorCatalog.ProjectRequestInvalid.With(new Dictionary<string, object?> { ["problem"] = problem });

    private static string? Text(JsonObject body, string field)
    {
        try
        {
            return body[field]?.GetValue<string>();
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException or JsonException)
        {
            return null;
        }
    }

    [GeneratedRegex("^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$", RegexOptions.CultureInvariant)]
    private static partial Regex SlugPattern();

    [GeneratedRegex("^[a-z0-9_-]{1,32}$", RegexOptions.CultureInvariant)]
    private static partial Regex EnvironmentPattern();
}
