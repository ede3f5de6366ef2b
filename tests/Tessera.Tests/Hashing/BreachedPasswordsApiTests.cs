// SPDX-License-Identifier: Apache-2.0
using Tessera.Configuration;
using Tessera.Hashing;

namespace Tessera.Tests.Hashing;

public sealed class BreachedPasswordsApiTests
{
    [Fact]
    public void Parse_RangeBody_KeepsSuffixesWithCounts_SkipsPaddingAndGarbage()
    {
        var body = "0018A45C4D1DEF81644B54AB7F969B88D65:10\r\n"
            + "00D4F6E8FA6EECAD2A3AA415EEC418D38EC:0\r\n"
            + "not a line\r\n"
            + "011053FD0102E94D6AE2F8B83D76FAF94F6:1";

        var suffixes = BreachedPasswordsApi.Parse(body);

        suffixes.Count.ShouldBe(2);
        suffixes["0018A45C4D1DEF81644B54AB7F969B88D65"].ShouldBe(10);
        suffixes["011053FD0102E94D6AE2F8B83D76FAF94F6"].ShouldBe(1);
    }

    [Fact]
    public void Bind_Nothing_HasKratosDefaults()
    {
        var options = PasswordPolicyOptions.Bind(new ConfigurationTree([], new Dictionary<string, string>()));

        options.HaveIBeenPwnedEnabled.ShouldBeTrue();
        options.HaveIBeenPwnedBaseUrl.ShouldBe(new Uri("https://api.pwnedpasswords.com/"));
        options.MaxBreaches.ShouldBe(0);
        options.IgnoreNetworkErrors.ShouldBeTrue();
    }

    [Fact]
    public void Bind_HostThatIsNoUrl_StopsNamingTheKeyPath()
    {
        var config = new ConfigurationTree([], new Dictionary<string, string>
        {
            ["SELFSERVICE_METHODS_PASSWORD_CONFIG_HAVEIBEENPWNED_HOST"] = "ftp://mirror.example",
        });

        Should.Throw<ConfigurationException>(() => PasswordPolicyOptions.Bind(config)).KeyPath.ShouldBe("selfservice.methods.password.config.haveibeenpwned_host");
    }
}
