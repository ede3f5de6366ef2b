// SPDX-License-Identifier: Apache-2.0
using System.Text.Json.Nodes;
using Tessera.Identities.Schemas;

namespace Tessera.Identities;

/// <summary>
/// Derives an identity's identifiers and addresses from its traits and schema (Kratos's credentials, verification
/// and recovery extensions): the password and code credentials get the normalised identifier values, and every
/// <c>verification.via</c> / <c>recovery.via</c> value becomes an address, keeping the status of one that exists.
/// </summary>
internal static class IdentityCredentialsBuilder
{
    public static List<string> Identifiers(JsonObject traits, IEnumerable<TraitField> fields) =>
        fields.SelectMany(f => IdentitySchema.Values(traits, f)).Select(IdentifierNormalizer.Normalize)
            .Where(v => v.Length > 0).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>
    /// A <c>webauthn</c> credential's identifiers: the identity's id (every credential findable, never shared) and, as in
    /// Kratos, the traits marked <c>webauthn.identifier</c>, by which a password-less sign-in names its account. A schema
    /// that marks none (the built-in one) names the account by its password identifiers instead.
    /// </summary>
    public static List<string> WebAuthnIdentifiers(Identity identity, IdentitySchema schema) =>
        [identity.Id.ToString(), .. Identifiers(identity.Traits, WebAuthnIdentifierFields(schema))];

    public static IEnumerable<TraitField> WebAuthnIdentifierFields(IdentitySchema schema) =>
        schema.Fields.Any(f => f.Extension.WebAuthnIdentifier) ? schema.Fields.Where(f => f.Extension.WebAuthnIdentifier) : schema.PasswordIdentifiers;

    public static void Apply(Identity identity, IdentitySchema schema, JsonObject? newPasswordConfig, DateTimeOffset now)
    {
        if (identity.Credentials.TryGetValue(CredentialTypes.WebAuthn, out var securityKeys))
        {
            securityKeys.Identifiers = WebAuthnIdentifiers(identity, schema);
        }

        var passwordIdentifiers = Identifiers(identity.Traits, schema.PasswordIdentifiers);
        if (passwordIdentifiers.Count > 0 || newPasswordConfig is not null || identity.Credentials.ContainsKey(CredentialTypes.Password))
        {
            var password = Ensure(identity, CredentialTypes.Password, now);
            password.Identifiers = passwordIdentifiers;
            if (newPasswordConfig is not null)
            {
                password.Config = newPasswordConfig;
                password.UpdatedAt = now;
            }
        }

        var codeFields = schema.CodeIdentifiers.ToList();
        var addresses = codeFields.SelectMany(f => IdentitySchema.Values(identity.Traits, f)
            .Select(v => (Channel: f.Extension.CodeVia ?? "email", Address: IdentifierNormalizer.Normalize(v)))).Distinct().ToList();
        if (addresses.Count > 0)
        {
            var code = Ensure(identity, CredentialTypes.Code, now);
            code.Identifiers = addresses.Select(a => a.Address).Distinct(StringComparer.Ordinal).ToList();
            code.Config = new JsonObject
            {
                ["addresses"] = new JsonArray(addresses.Select(a => (JsonNode)new JsonObject { ["channel"] = a.Channel, ["address"] = a.Address }).ToArray()),
            };
        }
        else
        {
            identity.Credentials.Remove(CredentialTypes.Code);
        }
    }

    public static void ApplyAddresses(Identity identity, IdentitySchema schema, IdentityDraft draft, DateTimeOffset now)
    {
        var verifiable = schema.VerifiableAddresses
            .SelectMany(f => IdentitySchema.Values(identity.Traits, f).Select(v => (Via: f.Extension.VerificationVia!, Value: IdentifierNormalizer.Normalize(v))))
            .Distinct().ToList();
        identity.VerifiableAddresses = verifiable.Select(a =>
        {
            var imported = draft.VerifiableAddresses?.LastOrDefault(k => k.Via == a.Via && IdentifierNormalizer.Normalize(k.Value) == a.Value);
            var existing = identity.VerifiableAddresses.FirstOrDefault(k => k.Via == a.Via && k.Value == a.Value);
            var source = imported ?? existing;
            return new VerifiableAddress
            {
                Id = existing?.Id ?? Guid.NewGuid(),
                Via = a.Via,
                Value = a.Value,
                Verified = source?.Verified ?? false,
                VerifiedAt = source?.Verified == true ? source.VerifiedAt ?? now : null,
                Status = source?.Status is { Length: > 0 } status ? status : VerifiableAddress.StatusPending,
                CreatedAt = existing?.CreatedAt ?? now,
                UpdatedAt = now,
            };
        }).ToList();

        var recovery = schema.RecoveryAddresses
            .SelectMany(f => IdentitySchema.Values(identity.Traits, f).Select(v => (Via: f.Extension.RecoveryVia!, Value: IdentifierNormalizer.Normalize(v))))
            .Distinct().ToList();
        identity.RecoveryAddresses = recovery.Select(a =>
        {
            var existing = identity.RecoveryAddresses.FirstOrDefault(k => k.Via == a.Via && k.Value == a.Value);
            return new RecoveryAddress
            {
                Id = existing?.Id ?? Guid.NewGuid(),
                Via = a.Via,
                Value = a.Value,
                CreatedAt = existing?.CreatedAt ?? now,
                UpdatedAt = now,
            };
        }).ToList();
    }

    private static IdentityCredential Ensure(Identity identity, string type, DateTimeOffset now)
    {
        if (!identity.Credentials.TryGetValue(type, out var credential))
        {
            credential = new IdentityCredential { Id = Guid.NewGuid(), Type = type, CreatedAt = now, UpdatedAt = now };
            identity.Credentials[type] = credential;
        }

        credential.UpdatedAt = now;
        return credential;
    }
}
