// SPDX-License-Identifier: Apache-2.0
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Tessera.Identities;
using Tessera.Security.Cipher;
using Tessera.Ui.Messages;

namespace Tessera.SelfService.Methods.LookupSecret;

/// <summary>
/// An identity's backup codes: the <c>lookup_secret</c> credential, 12 one-time codes stored encrypted with the
/// time each was used. A used code is refused (4000012); when every code is used, backup codes are exhausted
/// (4000014, catalog <c>lookup_secret_exhausted</c>).
/// </summary>
internal sealed class LookupSecretCredentials(IdentityStore store, CredentialUses uses, SecretCipher cipher, TimeProvider clock)
{
    public const int Count = 12;
    private const string CodesKey = "recovery_codes_encrypted";
    private const string Alphabet = "abcdefghijkmnpqrstuvwxyz23456789";

    public static bool IsSet(Identity identity) => identity.Credentials.ContainsKey(CredentialTypes.LookupSecret);

    public static IReadOnlyList<string> Generate() =>
        Enumerable.Range(0, Count).Select(_ => RandomNumberGenerator.GetString(Alphabet, 8)).ToList();

    public string Seal(IReadOnlyList<string> codes) => cipher.EncryptText(JsonSerializer.Serialize(codes));

    public IReadOnlyList<string>? Unseal(string sealedCodes) =>
        cipher.DecryptText(sealedCodes) is { } json ? JsonSerializer.Deserialize<List<string>>(json) : null;

    /// <summary>The codes with when each was used (null: unused).</summary>
    public IReadOnlyList<LookupCode> Codes(Identity identity) =>
        Codes(identity.Credentials.GetValueOrDefault(CredentialTypes.LookupSecret)?.Config);

    public async Task<Identity> SaveAsync(Identity identity, IReadOnlyList<string> codes, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var credential = new IdentityCredential
        {
            Id = Guid.NewGuid(),
            Type = CredentialTypes.LookupSecret,
            Identifiers = [identity.Id.ToString()],
            Config = new JsonObject { [CodesKey] = cipher.EncryptText(JsonSerializer.Serialize(codes.Select(c => new LookupCode(c, null)))) },
            CreatedAt = now,
            UpdatedAt = now,
        };
        return await store.ChangeAsync(identity.Id, current => current.Credentials[CredentialTypes.LookupSecret] = credential, cancellationToken) ?? identity;
    }

    public async Task<Identity> RemoveAsync(Identity identity, CancellationToken cancellationToken) =>
        await store.ChangeAsync(identity.Id, current => current.Credentials.Remove(CredentialTypes.LookupSecret), cancellationToken) ?? identity;

    /// <summary>
    /// Null when the code was unused and is now used up; otherwise the message saying why it was refused. The use is
    /// recorded with a conditional write (<see cref="CredentialUses"/>): one code submitted several times at once is
    /// accepted once, and different codes used at once are all recorded.
    /// </summary>
    public Task<UiText?> UseAsync(Identity identity, string? code, CancellationToken cancellationToken) =>
        uses.UseAsync(identity.Id, CredentialTypes.LookupSecret, config => Use(config, code), cancellationToken);

    private CredentialChange<UiText?> Use(JsonObject? config, string? code)
    {
        var codes = Codes(config).ToList();
        if (codes.Count == 0 || codes.All(c => c.UsedAt is not null))
        {
            return CredentialChange<UiText?>.Keep(UiMessages.ValidationNoLookup.With());
        }

        var index = codes.FindIndex(c => CryptographicOperations.FixedTimeEquals(
            System.Text.Encoding.UTF8.GetBytes(c.Code), System.Text.Encoding.UTF8.GetBytes((code ?? string.Empty).Trim().ToLowerInvariant())));
        if (index < 0)
        {
            return CredentialChange<UiText?>.Keep(UiMessages.ValidationLookupInvalid.With());
        }

        if (codes[index].UsedAt is not null)
        {
            return CredentialChange<UiText?>.Keep(UiMessages.ValidationLookupAlreadyUsed.With());
        }

        codes[index] = codes[index] with { UsedAt = clock.GetUtcNow() };
        return CredentialChange<UiText?>.Write(new JsonObject { [CodesKey] = cipher.EncryptText(JsonSerializer.Serialize(codes)) }, null);
    }

    private List<LookupCode> Codes(JsonObject? config) =>
        config?[CodesKey]?.GetValue<string>() is { } sealedCodes && cipher.DecryptText(sealedCodes) is { } json
            ? JsonSerializer.Deserialize<List<LookupCode>>(json) ?? []
            : [];
}
