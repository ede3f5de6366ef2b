// SPDX-License-Identifier: Apache-2.0
using Tessera.Configuration;

namespace Tessera.Hashing;

/// <summary>
/// <c>selfservice.methods.password.config.*</c>: Kratos's <c>min_password_length</c> (8),
/// <c>identifier_similarity_check_enabled</c> (true), <c>max_breaches</c> (0: a password seen in any breach is
/// refused), and the online breach check as Kratos: <c>haveibeenpwned_enabled</c> (true), <c>haveibeenpwned_host</c>
/// (<c>api.pwnedpasswords.com</c>; Tessera also takes a base URL such as <c>http://127.0.0.1:8080</c> for a mirror
/// inside the network) and <c>ignore_network_errors</c> (true: an unreachable service lets the password through).
/// Tessera adds <c>breached_passwords_file</c>, an offline list checked before the API: one upper-case SHA-1 hex
/// digest per line, optionally <c>:count</c> as in the downloadable haveibeenpwned lists.
/// </summary>
internal sealed record PasswordPolicyOptions(
    int MinLength,
    int MaxLength,
    bool IdentifierSimilarityCheck,
    int MaxBreaches,
    string? BreachedPasswordsFile,
    bool HaveIBeenPwnedEnabled = false,
    Uri? HaveIBeenPwnedBaseUrl = null,
    bool IgnoreNetworkErrors = true)
{
    public const string DefaultHaveIBeenPwnedHost = "api.pwnedpasswords.com";
    private const string Prefix = "selfservice.methods.password.config.";

    public static PasswordPolicyOptions Bind(ConfigurationTree config)
    {
        var file = config.GetString(Prefix + "breached_passwords_file");
        if (file is not null && !File.Exists(file))
        {
            throw new ConfigurationException(Prefix + "breached_passwords_file", $"the file \"{file}\" does not exist");
        }

        return new PasswordPolicyOptions(
            config.GetInt(Prefix + "min_password_length", 8, 6, 1024),
            config.GetInt(Prefix + "max_password_length", 1024, 8, 4096),
            config.GetBool(Prefix + "identifier_similarity_check_enabled", true),
            config.GetInt(Prefix + "max_breaches", 0, 0, int.MaxValue),
            file,
            config.GetBool(Prefix + "haveibeenpwned_enabled", true),
            HostUrl(config.GetString(Prefix + "haveibeenpwned_host") ?? DefaultHaveIBeenPwnedHost),
            config.GetBool(Prefix + "ignore_network_errors", true));
    }

    // Kratos takes a host name and speaks https to it; a value with a scheme is taken as the service's base URL.
    private static Uri HostUrl(string host)
    {
        var text = host.Contains("://", StringComparison.Ordinal) ? host : "https://" + host;
        return Uri.TryCreate(text, UriKind.Absolute, out var url) && url.Scheme is "http" or "https" && url.Query.Length == 0 && url.UserInfo.Length == 0
            ? url
            : throw new ConfigurationException(Prefix + "haveibeenpwned_host", $"expected a host name (such as {DefaultHaveIBeenPwnedHost}) or an http(s) base URL, got \"{host}\"");
    }
}
