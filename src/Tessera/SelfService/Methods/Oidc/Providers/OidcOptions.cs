// SPDX-License-Identifier: Apache-2.0
using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Tessera.Configuration;

namespace Tessera.SelfService.Methods.Oidc.Providers;

/// <summary>
/// <c>selfservice.methods.oidc</c> (Kratos's keys): <c>enabled</c> (false) and <c>config.providers[]</c>, each with
/// <c>id</c>, <c>provider</c> (a preset, see <see cref="OidcPresets"/>), <c>client_id</c>, <c>client_secret</c>,
/// <c>issuer_url</c>, <c>auth_url</c>, <c>token_url</c>, <c>claims_source</c> (<c>id_token</c> or <c>userinfo</c>), <c>user_info_url</c> (Tessera's: where a provider without
/// <c>issuer_url</c>, plain OAuth2, is read for the user's claims; overrides the preset's), <c>scope</c>, <c>requested_claims</c>, <c>mapper_url</c>,
/// <c>label</c> and <c>organization_id</c> (accepted; organizations are an Ory Network feature). Every provider is
/// checked at start-up and a bad one stops the server with its key path, so no sign-in ever finds a broken provider.
/// No provider is contacted here: discovery waits for the first sign-in.
/// </summary>
internal sealed partial class OidcOptions
{
    public const string Key = "selfservice.methods.oidc";

    public OidcOptions(bool enabled, IReadOnlyList<OidcProvider> providers)
    {
        Enabled = enabled;
        Providers = providers;
    }

    public bool Enabled { get; }

    public IReadOnlyList<OidcProvider> Providers { get; }

    /// <summary>The providers sign-in offers: none while the method is disabled.</summary>
    public IReadOnlyList<OidcProvider> Offered => Enabled ? Providers : [];

    public OidcProvider? Find(string id) => Providers.FirstOrDefault(p => p.Id == id);

    public static OidcOptions Bind(ConfigurationTree config)
    {
        var enabled = config.GetBool($"{Key}.enabled", false);
        var key = $"{Key}.config.providers";
        var providers = config.GetNode(key) switch
        {
            null => [],
            JsonArray array => array.Select((node, i) => Provider(config, node, string.Create(CultureInfo.InvariantCulture, $"{key}.{i}"))).ToList(),
            _ => throw new ConfigurationException(key, "expected a list of providers"),
        };

        if (providers.GroupBy(p => p.Id, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } duplicate)
        {
            throw new ConfigurationException(key, $"two providers have the id \"{duplicate.Key}\": ids name the callback URL and must be unique");
        }

        return new OidcOptions(enabled, providers);
    }

    private static OidcProvider Provider(ConfigurationTree config, JsonNode? node, string key)
    {
        if (node is not JsonObject entry)
        {
            throw new ConfigurationException(key, "expected a provider (a mapping with id, provider, client_id, mapper_url, ...)");
        }

        var id = Required(entry, "id", key);
        if (!IdPattern().IsMatch(id))
        {
            throw new ConfigurationException($"{key}.id", $"\"{id}\" must be letters, digits, '-', '_' or '.' (it is part of the callback URL)");
        }

        var kind = Required(entry, "provider", key);
        if (!OidcPresets.All.TryGetValue(kind, out var preset))
        {
            throw new ConfigurationException($"{key}.provider", $"expected one of {string.Join(", ", OidcPresets.All.Keys)}, got \"{kind}\"");
        }

        var issuer = Url(entry, "issuer_url", key) ?? Absolute(preset.IssuerUrl);
        var auth = Url(entry, "auth_url", key) ?? Absolute(preset.AuthUrl);
        var token = Url(entry, "token_url", key) ?? Absolute(preset.TokenUrl);
        var userInfo = Url(entry, "user_info_url", key) ?? Absolute(preset.UserInfoUrl);
        if (issuer is null && (auth is null || token is null))
        {
            throw new ConfigurationException($"{key}.issuer_url", $"provider \"{kind}\" needs issuer_url (or both auth_url and token_url)");
        }

        if (issuer is null && userInfo is null)
        {
            throw new ConfigurationException($"{key}.issuer_url", "a provider without user info endpoint must be an OpenID Connect provider: set issuer_url (or user_info_url for plain OAuth2)");
        }

        var claimsSource = Optional(entry, "claims_source", key) ?? "id_token";
        if (claimsSource is not ("id_token" or "userinfo"))
        {
            throw new ConfigurationException($"{key}.claims_source", $"expected id_token or userinfo, got \"{claimsSource}\"");
        }

        var scope = Strings(entry, "scope", key) is { Count: > 0 } configured ? configured : preset.Scope;
        var mapperKey = $"{key}.mapper_url";
        var mapper = Required(entry, "mapper_url", key);
        return new OidcProvider(
            id, kind, Required(entry, "client_id", key), Optional(entry, "client_secret", key) ?? string.Empty,
            issuer, auth, token, userInfo, scope, entry["requested_claims"]?.ToJsonString(),
            OidcClaimsMapper.Load(config.SetByOverlay(mapperKey) ? TemplateLocation.Inline(mapper, mapperKey) : mapper, mapperKey),
            Optional(entry, "label", key) ?? preset.Label ?? id, Optional(entry, "organization_id", key))
        {
            ClaimsFromUserInfo = claimsSource == "userinfo",
        };
    }

    private static string Required(JsonObject entry, string name, string key) =>
        Optional(entry, name, key) is { Length: > 0 } value ? value : throw new ConfigurationException($"{key}.{name}", "is required");

    private static string? Optional(JsonObject entry, string name, string key) => entry[name] switch
    {
        null => null,
        JsonValue value => value.ToString(),
        _ => throw new ConfigurationException($"{key}.{name}", "expected a single value"),
    };

    private static Uri? Url(JsonObject entry, string name, string key)
    {
        var text = Optional(entry, name, key);
        if (text is null)
        {
            return null;
        }

        return Absolute(text) ?? throw new ConfigurationException($"{key}.{name}", $"expected an absolute http(s) URL, got \"{text}\"");
    }

    private static Uri? Absolute(string? text) =>
        text is not null && Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? uri : null;

    private static List<string> Strings(JsonObject entry, string name, string key) => entry[name] switch
    {
        null => [],
        JsonArray array => array.Select(n => n is JsonValue v ? v.ToString() : throw new ConfigurationException($"{key}.{name}", "expected a list of strings")).ToList(),
        _ => throw new ConfigurationException($"{key}.{name}", "expected a list of strings"),
    };

    [GeneratedRegex("^[A-Za-z0-9._-]+$", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();
}
