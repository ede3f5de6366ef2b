// SPDX-License-Identifier: Apache-2.0
using System.Text.Json.Nodes;
using Tessera.Configuration;
using Tessera.Permissions;

namespace Tessera.Tests.Configuration;

public sealed class PermissionsOptionsTests
{
    private static ConfigurationTree Config(string? namespaces = null, params (string Key, string Value)[] values)
    {
        var config = new ConfigurationTree([], new Dictionary<string, string>());
        if (namespaces is not null)
        {
            config.Set("permissions.namespaces", JsonNode.Parse(namespaces));
        }

        foreach (var (key, value) in values)
        {
            config.Set(key, JsonValue.Create(value));
        }

        return config;
    }

    [Fact]
    public void Bind_WithoutConfiguration_HasNoNamespacesAndKetosDefaults()
    {
        var options = PermissionsOptions.Bind(Config());

        options.Namespaces.ShouldBeEmpty();
        options.MaxReadDepth.ShouldBe(5);
        options.MaxBatchCheckSize.ShouldBe(10);
        options.CheckCacheTtl.ShouldBe(TimeSpan.FromSeconds(1));
    }

    [Fact]
    public void Bind_KetoNamespaceList_ReadsIdsAndNames()
    {
        var options = PermissionsOptions.Bind(Config("""[{"id": 1, "name": "files"}, {"name": "groups"}]"""));

        options.Namespaces.Keys.Order().ShouldBe(["files", "groups"]);
        options.Namespaces["files"].Id.ShouldBe(1);
    }

    [Theory]
    [InlineData("""{"location": "file:///etc/keto/namespaces.ts"}""", "permissions.namespaces")]
    [InlineData("\"file:///etc/keto/namespaces\"", "permissions.namespaces")]
    [InlineData("""[{"id": 1}]""", "permissions.namespaces.0.name")]
    [InlineData("""[{"name": "a"}, {"name": "a"}]""", "permissions.namespaces.1.name")]
    public void Bind_UnsupportedOrBadNamespaces_StopsStartUpNamingTheKey(string namespaces, string keyPath)
    {
        var e = Should.Throw<ConfigurationException>(() => PermissionsOptions.Bind(Config(namespaces)));

        e.KeyPath.ShouldBe(keyPath);
    }

    [Fact]
    public void Bind_OplLocation_SaysThePermissionLanguageIsNotSupported()
    {
        var e = Should.Throw<ConfigurationException>(() => PermissionsOptions.Bind(Config("""{"location": "file://./keto_namespaces.ts"}""")));

        e.Problem.ShouldContain("Ory Permission Language");
    }

    [Theory]
    [InlineData(null, 5)]
    [InlineData(0, 5)]
    [InlineData(-1, 5)]
    [InlineData(3, 3)]
    [InlineData(5, 5)]
    [InlineData(9, 5)]
    public void EffectiveDepth_RequestValue_OnlyLowersTheGlobalLimit(int? requested, int expected) =>
        PermissionsOptions.Bind(Config()).EffectiveDepth(requested).ShouldBe(expected);

    [Fact]
    public void Bind_MaxReadDepthOutOfRange_StopsStartUp()
    {
        var e = Should.Throw<ConfigurationException>(() => PermissionsOptions.Bind(Config(null, ("permissions.limit.max_read_depth", "0"))));

        e.KeyPath.ShouldBe("permissions.limit.max_read_depth");
    }
}
