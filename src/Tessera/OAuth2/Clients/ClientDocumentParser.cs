// SPDX-License-Identifier: Apache-2.0
using System.Text.Json.Nodes;
using Tessera.Configuration;
using Tessera.Errors;

namespace Tessera.OAuth2.Clients;

/// <summary>
/// Reads Hydra's client shape from an admin request: every known field type-checked, defaults filled in as Hydra
/// does (grant type authorization_code, response type code, scope "offline_access offline openid", method
/// client_secret_basic), unknown fields dropped (Hydra's decoder ignores them too). The secret is taken out of
/// the document: it is hashed, never stored.
/// </summary>
internal static class ClientDocumentParser
{
    public const int MinSecretLength = 6;
    private const int MaxIdLength = 255;

    private static readonly string[] StringFields =
    [
        "client_name", "client_uri", "logo_uri", "policy_uri", "tos_uri", "owner", "subject_type", "sector_identifier_uri",
        "userinfo_signed_response_alg", "request_object_signing_alg", "token_endpoint_auth_signing_alg",
        "frontchannel_logout_uri", "backchannel_logout_uri",
    ];

    private static readonly string[] ListFields = ["contacts", "allowed_cors_origins", "request_uris"];

    private static readonly string[] BoolFields =
        ["skip_consent", "skip_logout_consent", "frontchannel_logout_session_required", "backchannel_logout_session_required"];

    /// <summary>Hydra's per-grant lifespans (Go durations such as "1h", or null for the global <c>ttl.*</c>).</summary>
    public static readonly string[] LifespanFields =
    [
        "authorization_code_grant_access_token_lifespan", "authorization_code_grant_id_token_lifespan",
        "authorization_code_grant_refresh_token_lifespan", "client_credentials_grant_access_token_lifespan",
        "implicit_grant_access_token_lifespan", "implicit_grant_id_token_lifespan", "jwt_bearer_grant_access_token_lifespan",
        "refresh_token_grant_access_token_lifespan", "refresh_token_grant_id_token_lifespan", "refresh_token_grant_refresh_token_lifespan",
        "device_authorization_grant_access_token_lifespan", "device_authorization_grant_id_token_lifespan",
        "device_authorization_grant_refresh_token_lifespan",
    ];

    private static readonly string[] GrantTypes = ["authorization_code", "client_credentials", "refresh_token", "implicit"];
    private static readonly string[] ResponseTypes = ["code", "token", "id_token", "code id_token", "code token", "id_token token", "code id_token token", "none"];

    /// <summary>The client document of <paramref name="body"/>; <paramref name="clientId"/> overrides the body's (PUT).</summary>
    public static Result<ClientDraft> Parse(JsonNode? body, string? clientId = null)
    {
        if (body is not JsonObject input)
        {
            return Invalid("the body must be a JSON object (Hydra's OAuth 2.0 client)");
        }

        var document = new JsonObject();
        try
        {
            var id = clientId ?? OptionalString(input, "client_id");
            if (id is not null && (id.Length == 0 || id.Length > MaxIdLength || id.Any(char.IsControl)))
            {
                return Invalid($"client_id must be 1 to {MaxIdLength} printable characters");
            }

            document["client_id"] = id ?? Guid.NewGuid().ToString();
            document["client_name"] = OptionalString(input, "client_name") ?? string.Empty;
            foreach (var field in StringFields.Skip(1))
            {
                if (OptionalString(input, field) is { } value)
                {
                    document[field] = value;
                }
            }

            document["redirect_uris"] = Uris(input, "redirect_uris");
            document["post_logout_redirect_uris"] = Uris(input, "post_logout_redirect_uris");
            document["grant_types"] = Choices(input, "grant_types", GrantTypes, "authorization_code");
            document["response_types"] = Choices(input, "response_types", ResponseTypes, "code");
            document["scope"] = OptionalString(input, "scope") ?? "offline_access offline openid";
            document["audience"] = Strings(input, "audience");
            foreach (var field in ListFields)
            {
                document[field] = Strings(input, field);
            }

            var method = OptionalString(input, "token_endpoint_auth_method") ?? ClientAuthMethods.ClientSecretBasic;
            if (!ClientAuthMethods.All.Contains(method))
            {
                return Invalid($"token_endpoint_auth_method must be one of {string.Join(", ", ClientAuthMethods.All)}");
            }

            document["token_endpoint_auth_method"] = method;
            if (!ReadKeys(input, document, method, out var keysProblem))
            {
                return Invalid(keysProblem!);
            }

            foreach (var field in BoolFields)
            {
                if (input[field] is { } flag)
                {
                    document[field] = flag is JsonValue v && v.TryGetValue<bool>(out var b) ? b : throw new FieldException($"{field} must be true or false");
                }
            }

            if (OptionalString(input, "access_token_strategy") is { } strategy)
            {
                document["access_token_strategy"] = strategy is "jwt" or "opaque" ? strategy : throw new FieldException("access_token_strategy must be jwt or opaque");
            }

            foreach (var field in LifespanFields)
            {
                if (OptionalString(input, field) is { Length: > 0 } lifespan)
                {
                    document[field] = GoDuration.TryParse(lifespan, out var span) && span > TimeSpan.Zero
                        ? lifespan
                        : throw new FieldException($"{field} must be a duration such as 1h or 30m");
                }
            }

            document["metadata"] = input["metadata"] switch
            {
                null => new JsonObject(),
                JsonObject metadata => metadata.DeepClone(),
                _ => throw new FieldException("metadata must be a JSON object"),
            };

            var secret = OptionalString(input, "client_secret");
            if (secret is { Length: > 0 and < MinSecretLength })
            {
                return Invalid($"client_secret must be at least {MinSecretLength} characters long");
            }

            return new ClientDraft(document, string.IsNullOrEmpty(secret) ? null : secret);
        }
        catch (FieldException problem)
        {
            return Invalid(problem.Message);
        }
    }

    private static bool ReadKeys(JsonObject input, JsonObject document, string method, out string? problem)
    {
        problem = null;
        var jwksUri = OptionalString(input, "jwks_uri");
        var jwks = input["jwks"];
        if (jwksUri is { Length: > 0 } && jwks is not null)
        {
            problem = "jwks and jwks_uri must not both be set";
            return false;
        }

        if (jwksUri is { Length: > 0 })
        {
            if (!Uri.TryCreate(jwksUri, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            {
                problem = "jwks_uri must be an absolute http(s) URL";
                return false;
            }

            document["jwks_uri"] = jwksUri;
        }

        if (jwks is not null)
        {
            if (jwks is not JsonObject set || set["keys"] is not JsonArray)
            {
                problem = "jwks must be a JSON Web Key Set {\"keys\": [...]}";
                return false;
            }

            document["jwks"] = set.DeepClone();
        }

        if (method == ClientAuthMethods.PrivateKeyJwt && document["jwks"] is null && document["jwks_uri"] is null)
        {
            problem = "private_key_jwt needs jwks or jwks_uri";
            return false;
        }

        return true;
    }

    private static string? OptionalString(JsonObject input, string field) => input[field] switch
    {
        null => null,
        JsonValue value when value.TryGetValue<string>(out var text) => text,
        _ => throw new FieldException($"{field} must be a string"),
    };

    private static JsonArray Strings(JsonObject input, string field)
    {
        var list = new JsonArray();
        switch (input[field])
        {
            case null:
                return list;
            case JsonArray items:
                foreach (var item in items)
                {
                    list.Add(item is JsonValue v && v.TryGetValue<string>(out var text) ? text : throw new FieldException($"{field} must be a list of strings"));
                }

                return list;
            default:
                throw new FieldException($"{field} must be a list of strings");
        }
    }

    private static JsonArray Uris(JsonObject input, string field)
    {
        var list = Strings(input, field);
        foreach (var item in list)
        {
            if (!Uri.TryCreate((string)item!, UriKind.Absolute, out var uri) || uri.Fragment.Length > 0)
            {
                throw new FieldException($"{field} must hold absolute URLs without a fragment");
            }
        }

        return list;
    }

    private static JsonArray Choices(JsonObject input, string field, string[] allowed, string fallback)
    {
        var list = Strings(input, field);
        if (list.Count == 0)
        {
            list.Add(fallback);
        }

        if (list.Select(i => (string)i!).FirstOrDefault(v => !allowed.Contains(v)) is { } unknown)
        {
            throw new FieldException($"{field} holds \"{unknown}\"; allowed are {string.Join(", ", allowed)}");
        }

        return list;
    }

    private static TesseraError Invalid(string problem) => OAuth2Errors.Problem(ErrorCatalog.OAuth2ClientMetadataInvalid, problem);

    private sealed class FieldException(string message) : Exception(message);
}
