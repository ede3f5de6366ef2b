// SPDX-License-Identifier: Apache-2.0
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Tessera.Projects.Overlays;
using Tessera.Ui.Messages;

namespace Tessera.Hashing;

/// <summary>
/// Whether a new password may be used: long enough, not longer than the hasher reads (72 bytes for bcrypt), not
/// too similar to the account's identifiers, not in the local breached-passwords list and (<see cref="CheckAsync"/>)
/// not known to the haveibeenpwned range API. Registration, settings, recovery and the admin API share it. Returns
/// the first violation as a UI message for the password node.
/// </summary>
internal sealed class PasswordPolicy(ProjectOptions<PasswordPolicyOptions> options, HashersOptions hashers, BreachedPasswordsApi? breachedApi)
{
    private readonly Lazy<Dictionary<string, long>> _breached = new(() => BreachedPasswordsFile.Load(options.Value.BreachedPasswordsFile));

    /// <summary>Every rule, the online breach check last (only a password that passes the rest is looked up).</summary>
    public async Task<UiText?> CheckAsync(string password, IEnumerable<string> identifiers, CancellationToken cancellationToken)
    {
        if (Check(password, identifiers) is { } violation)
        {
            return violation;
        }

        if (!options.Value.HaveIBeenPwnedEnabled || breachedApi is null)
        {
            return null;
        }

        return await breachedApi.BreachesAsync(Sha1Hex(password), cancellationToken) switch
        {
            null when options.Value.IgnoreNetworkErrors => null,
            null => UiMessages.ValidationPasswordPolicyViolationGeneric.With(Context(("reason", "it could not be checked against the list of breached passwords"))),
            var breaches when breaches > options.Value.MaxBreaches => UiMessages.ValidationPasswordTooManyBreaches.With(Context(("breaches", breaches))),
            _ => null,
        };
    }

    /// <summary>The rules that need no network: length, similarity, the offline breached-passwords list.</summary>
    public UiText? Check(string password, IEnumerable<string> identifiers)
    {
        var length = password.EnumerateRunes().Count();
        if (length < options.Value.MinLength)
        {
            return UiMessages.ValidationPasswordMinLength.With(Context(("min_length", options.Value.MinLength), ("actual_length", length)));
        }

        var byteLimit = hashers.Algorithm == HashAlgorithm.Bcrypt ? BcryptFormat.MaxPasswordBytes : int.MaxValue;
        if (length > options.Value.MaxLength || Encoding.UTF8.GetByteCount(password) > byteLimit)
        {
            var max = Math.Min(options.Value.MaxLength, byteLimit);
            return UiMessages.ValidationPasswordMaxLength.With(Context(("max_length", max), ("actual_length", Encoding.UTF8.GetByteCount(password))));
        }

        if (options.Value.IdentifierSimilarityCheck && identifiers.Any(i => PasswordSimilarity.TooSimilar(i, password)))
        {
            return UiMessages.ValidationPasswordIdentifierTooSimilar.With();
        }

        if (options.Value.BreachedPasswordsFile is not null)
        {
            if (_breached.Value.TryGetValue(Sha1Hex(password), out var breaches) && breaches > options.Value.MaxBreaches)
            {
                return UiMessages.ValidationPasswordTooManyBreaches.With(Context(("breaches", breaches)));
            }
        }

        return null;
    }

    // SHA-1 only because the haveibeenpwned lists are keyed by it; nothing is protected by this digest.
#pragma warning disable CA5350
    private static string Sha1Hex(string password) => Convert.ToHexString(SHA1.HashData(Encoding.UTF8.GetBytes(password)));
#pragma warning restore CA5350

    private static Dictionary<string, object?> Context(params (string Key, object Value)[] entries) =>
        entries.ToDictionary(e => e.Key, e => (object?)e.Value, StringComparer.Ordinal);
}
