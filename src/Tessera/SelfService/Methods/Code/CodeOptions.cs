// SPDX-License-Identifier: Apache-2.0
using Tessera.Configuration;

namespace Tessera.SelfService.Methods.Code;

/// <summary>
/// <c>selfservice.methods.code</c>: how long an e-mailed code is valid (<c>config.lifespan</c>, Kratos's schema
/// default 1h), how many code submissions a flow accepts before it refuses all further ones
/// (<c>config.max_submissions</c>, default 5), and whether codes also sign people in and up
/// (<c>passwordless_enabled</c>, which turns the method on as in Kratos) or serve as a second factor
/// (<c>mfa_enabled</c>). Kratos's schema allows at most one of the two.
/// </summary>
internal sealed record CodeOptions(bool Enabled, TimeSpan Lifespan, int MaxSubmissions)
{
    public bool PasswordlessEnabled { get; init; }

    public bool MfaEnabled { get; init; }

    public static CodeOptions Bind(ConfigurationTree config)
    {
        var passwordless = config.GetBool("selfservice.methods.code.passwordless_enabled", false);
        var mfa = config.GetBool("selfservice.methods.code.mfa_enabled", false);
        if (passwordless && mfa)
        {
            throw new ConfigurationException("selfservice.methods.code.mfa_enabled", "cannot be true together with passwordless_enabled (Kratos's schema allows one of the two)");
        }

        return new(
            config.GetBool("selfservice.methods.code.enabled", true) || passwordless,
            config.GetDuration("selfservice.methods.code.config.lifespan", TimeSpan.FromHours(1), TimeSpan.FromSeconds(1)),
            config.GetInt("selfservice.methods.code.config.max_submissions", 5, 1, 255))
        {
            PasswordlessEnabled = passwordless,
            MfaEnabled = mfa,
        };
    }
}
