// SPDX-License-Identifier: Apache-2.0
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Tessera.Errors;

namespace Tessera.Security.ApiKeys;

/// <summary>Reads <c>{"name": ..., "expires_at": ...}</c>; the same rules for the admin API and the CLI.</summary>
internal static class ApiKeyRequestParser
{
    public static Result<(string Name, DateTimeOffset? ExpiresAt)> Parse(JsonObject body, DateTimeOffset now)
    {
        string? name;
        string? expires;
        try
        {
            name = body["name"]?.GetValue<string>();
            expires = body["expires_at"]?.GetValue<string>();
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException or JsonException)
        {
            return Invalid("name and expires_at must be strings");
        }

        return Validate(name, expires, now);
    }

    public static Result<(string Name, DateTimeOffset? ExpiresAt)> Validate(string? name, string? expires, DateTimeOffset now)
    {
        name = name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > ApiKeyService.MaxNameLength || name.Any(char.IsControl))
        {
            return Invalid($"name must be 1 to {ApiKeyService.MaxNameLength} printable characters");
        }

        if (expires is null)
        {
            return (name, (DateTimeOffset?)null);
        }

        if (!DateTimeOffset.TryParse(expires, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var expiresAt))
        {
            return Invalid("expires_at must be an RFC 3339 time");
        }

        return expiresAt <= now ? Invalid("expires_at must be in the future") : (name, expiresAt.ToUniversalTime());
    }

    private static TesseraError Invalid(string problem) =>
        ErrorCatalog.ApiKeyRequestInvalid.With(new Dictionary<string, object?> { ["problem"] = problem });
}
