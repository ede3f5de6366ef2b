// SPDX-License-Identifier: Apache-2.0
using Tessera.Configuration;

namespace Tessera.Tests.Configuration;

public sealed class ConfigurationTreeTests
{
    private static ConfigurationTree Tree(string yaml, Dictionary<string, string>? env = null) =>
        new(YamlConfigurationFile.Parse(yaml, "test.yml"), env ?? []);

    [Fact]
    public void GetInt_EnvironmentVariable_OverridesTheFile()
    {
        var tree = Tree("serve:\n  public:\n    port: 4433\n", new() { ["SERVE_PUBLIC_PORT"] = "4555" });

        tree.GetInt("serve.public.port", 1).ShouldBe(4555);
    }

    [Fact]
    public void GetString_KratosStyleEnvironmentName_IsFound()
    {
        var tree = Tree(string.Empty, new() { ["SELFSERVICE_FLOWS_ERROR_UI_URL"] = "http://127.0.0.1/error" });

        tree.GetString("selfservice.flows.error.ui_url").ShouldBe("http://127.0.0.1/error");
    }

    [Fact]
    public void Load_SeveralFiles_LaterFileWinsAndSiblingsSurvive()
    {
        var folder = Directory.CreateTempSubdirectory().FullName;
        var a = Path.Combine(folder, "a.yml");
        var b = Path.Combine(folder, "b.yml");
        File.WriteAllText(a, "serve:\n  public:\n    port: 1000\n  admin:\n    port: 2000\n");
        File.WriteAllText(b, "serve:\n  public:\n    port: 3000\n");

        var tree = ConfigurationTree.Load([a, b], new Dictionary<string, string>());

        tree.GetInt("serve.public.port", 0).ShouldBe(3000);
        tree.GetInt("serve.admin.port", 0).ShouldBe(2000);
    }

    [Theory]
    [InlineData("serve:\n  public:\n    port: abc\n")]
    [InlineData("serve:\n  public:\n    port: 70000\n")]
    [InlineData("serve:\n  public:\n    port: [1, 2]\n")]
    public void ServeOptions_InvalidPort_NamesTheKeyPath(string yaml)
    {
        var error = Should.Throw<ConfigurationException>(() => ServeOptions.Bind(Tree(yaml)));

        error.KeyPath.ShouldBe("serve.public.port");
    }

    [Fact]
    public void GetDuration_KratosForm_IsParsedAndGarbageNamesTheKey()
    {
        Tree("selfservice:\n  flows:\n    login:\n      lifespan: 10m\n")
            .GetDuration("selfservice.flows.login.lifespan", TimeSpan.FromHours(1)).ShouldBe(TimeSpan.FromMinutes(10));

        Should.Throw<ConfigurationException>(() => Tree("a:\n  b: soon\n").GetDuration("a.b", TimeSpan.Zero))
            .KeyPath.ShouldBe("a.b");
    }

    [Fact]
    public void GetNode_JsonInEnvironment_IsParsedAsStructure()
    {
        var tree = Tree(string.Empty, new() { ["IDENTITY_SCHEMAS"] = """[{"id":"default","url":"file:///x.json"}]""" });

        tree.GetNode("identity.schemas")!.AsArray().Count.ShouldBe(1);
    }

    [Fact]
    public void UnreadKeys_ListsOnlyLeavesNobodyAskedFor()
    {
        var tree = Tree("serve:\n  public:\n    port: 1\n    cors:\n      enabled: true\nidentity:\n  schemas:\n    - id: a\n");
        tree.GetInt("serve.public.port", 0);
        tree.GetNode("identity.schemas");

        tree.UnreadKeys().ShouldBe(["serve.public.cors.enabled"]);
    }

    [Fact]
    public void Parse_InvalidYaml_NamesTheFile()
    {
        var error = Should.Throw<ConfigurationException>(() => YamlConfigurationFile.Parse("a: [unclosed", "broken.yml"));

        error.KeyPath.ShouldBe("broken.yml");
    }

    [Fact]
    public void Load_KratosQuickstartFile_IsReadWithoutError()
    {
        var quickstart = Path.Combine(RepositoryPaths.Reference, "kratos-quickstart", "email-password", "kratos.yml");
        File.Exists(quickstart).ShouldBeTrue("TestData/reference is copied beside the test binaries");

        var tree = ConfigurationTree.Load([quickstart], new Dictionary<string, string>());

        ServeOptions.Bind(tree).Public.Port.ShouldBe(4433);
        tree.UnreadKeys().ShouldNotBeEmpty();
    }
}
