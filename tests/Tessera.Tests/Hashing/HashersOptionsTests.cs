// SPDX-License-Identifier: Apache-2.0
using Tessera.Configuration;
using Tessera.Hashing;

namespace Tessera.Tests.Hashing;

public sealed class HashersOptionsTests
{
    [Fact]
    public void Bind_BcryptCostBelow12OutsideDev_IsRaisedTo12WithANotice()
    {
        var config = Tree(("hashers.bcrypt.cost", "8"));

        HashersOptions.Bind(config).BcryptCost.ShouldBe(12);

        var notice = config.Notices.ShouldHaveSingleItem();
        notice.KeyPath.ShouldBe("hashers.bcrypt.cost");
        notice.Message.ShouldContain("raised to 12");
    }

    [Fact]
    public void Bind_BcryptCostBelow12InDevMode_IsKeptWithoutNotice()
    {
        var config = Tree(("hashers.bcrypt.cost", "8"), ("dev", "true"));

        HashersOptions.Bind(config).BcryptCost.ShouldBe(8);
        config.Notices.ShouldBeEmpty();
    }

    [Fact]
    public void Bind_BcryptCost12OrMore_IsKeptWithoutNotice()
    {
        var config = Tree(("hashers.bcrypt.cost", "13"));

        HashersOptions.Bind(config).BcryptCost.ShouldBe(13);
        config.Notices.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("3")]
    [InlineData("32")]
    public void Bind_BcryptCostOutsideKratosSchemaRange_IsRefusedNamingTheKey(string cost)
    {
        var error = Should.Throw<ConfigurationException>(() => HashersOptions.Bind(Tree(("hashers.bcrypt.cost", cost), ("dev", "true"))));

        error.KeyPath.ShouldBe("hashers.bcrypt.cost");
    }

    private static ConfigurationTree Tree(params (string Key, string Value)[] settings)
    {
        var config = new ConfigurationTree([], new Dictionary<string, string>());
        foreach (var (key, value) in settings)
        {
            config.Set(key, System.Text.Json.Nodes.JsonValue.Create(value));
        }

        return config;
    }
}
