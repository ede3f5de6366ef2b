// SPDX-License-Identifier: Apache-2.0
using System.Text.Json.Nodes;
using Tessera.Configuration;
using Tessera.SelfService.Methods.Code;

namespace Tessera.Tests.SelfService;

public sealed class CodeOptionsTests
{
    [Fact]
    public void Bind_WithoutConfiguration_NeitherSignsInNorServesAsSecondFactor()
    {
        var options = CodeOptions.Bind(Config());

        options.PasswordlessEnabled.ShouldBeFalse();
        options.MfaEnabled.ShouldBeFalse();
        options.Lifespan.ShouldBe(TimeSpan.FromHours(1));
    }

    [Fact]
    public void Bind_PasswordlessEnabled_TurnsTheMethodOnAsKratosDoes()
    {
        var options = CodeOptions.Bind(Config(("selfservice.methods.code.enabled", false), ("selfservice.methods.code.passwordless_enabled", true)));

        options.PasswordlessEnabled.ShouldBeTrue();
        options.Enabled.ShouldBeTrue();
    }

    [Fact]
    public void Bind_PasswordlessAndMfaTogether_StopsStartUpWithTheKey()
    {
        var error = Should.Throw<ConfigurationException>(() => CodeOptions.Bind(Config(
            ("selfservice.methods.code.passwordless_enabled", true), ("selfservice.methods.code.mfa_enabled", true))));

        error.KeyPath.ShouldBe("selfservice.methods.code.mfa_enabled");
    }

    private static ConfigurationTree Config(params (string Key, bool Value)[] values)
    {
        var config = new ConfigurationTree([], new Dictionary<string, string>());
        foreach (var (key, value) in values)
        {
            config.Set(key, JsonValue.Create(value));
        }

        return config;
    }
}
