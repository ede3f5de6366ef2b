// SPDX-License-Identifier: Apache-2.0
using Tessera.Configuration;

namespace Tessera.Hashing;

/// <summary>
/// <c>selfservice.methods.password.config.*</c>: Kratos's <c>min_password_length</c> (8),
/// <c>identifier_similarity_check_enabled</c> (true), <c>max_breaches</c> (1). Kratos's breach check asks the
/// haveibeenpwned API online; Tessera makes no outbound calls for it and instead reads an optional local file
/// (Tessera's key <c>breached_passwords_file</c>): one upper-case SHA-1 hex digest per line, optionally
/// <c>:count</c> as in the downloadable haveibeenpwned lists.
/// </summary>
internal sealed record PasswordPolicyOptions(int MinLength, int MaxLength, bool IdentifierSimilarityCheck, int MaxBreaches, string? BreachedPasswordsFile)
{
    private const string Prefix = "selfservice.methods.password.config.";

    public static PasswordPolicyOptions Bind(ConfigurationTree config)
    {
        _ = config.GetBool(Prefix + "haveibeenpwned_enabled", false); // Online only in Kratos; read so it is not reported unknown.
        var file = config.GetString(Prefix + "breached_passwords_file");
        if (file is not null && !File.Exists(file))
        {
            throw new ConfigurationException(Prefix + "breached_passwords_file", $"the file \"{file}\" does not exist");
        }

        return new PasswordPolicyOptions(
            config.GetInt(Prefix + "min_password_length", 8, 6, 1024),
            config.GetInt(Prefix + "max_password_length", 1024, 8, 4096),
            config.GetBool(Prefix + "identifier_similarity_check_enabled", true),
            config.GetInt(Prefix + "max_breaches", 1, 0, int.MaxValue),
            file);
    }
}
