// SPDX-License-Identifier: Apache-2.0
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using Tessera.Configuration;
using Tessera.Identities.Schemas;
using Tessera.Persistence;
using Tessera.Projects.Overlays;

namespace Tessera.Tests.Identities;

/// <summary>
/// The registry answers with the ambient project's schemas, loads each set once, and lets a project's overlay name only
/// inline schemas (compiled without following external <c>$ref</c>s) and the URLs the file/env configuration lists.
/// </summary>
public sealed class IdentitySchemaRegistryTests : IDisposable
{
    private static readonly Guid DefaultProject = Guid.NewGuid();
    private static readonly Guid OtherProject = Guid.NewGuid();
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"tessera-registry-{Guid.NewGuid():N}.json");

    private const string Member = """
        {"type":"object","properties":{"traits":{"type":"object","properties":{"username":{"type":"string",
         "ory.sh/kratos":{"credentials":{"password":{"identifier":true}}}}},"required":["username"]}}}
        """;

    public IdentitySchemaRegistryTests() => File.WriteAllText(_file, Member);

    public void Dispose() => File.Delete(_file);

    private static string Base64(string json) => "base64://" + Convert.ToBase64String(Encoding.UTF8.GetBytes(json));

    private static (IdentitySchemaRegistry Registry, ProjectOverlaySnapshot Snapshot, IdentityOptions Deployment) Registry(string yaml = "")
    {
        var config = new ConfigurationTree(YamlConfigurationFile.Parse(yaml, "test.yml"), new Dictionary<string, string>());
        var deployment = IdentityOptions.Bind(config);
        var snapshot = new ProjectOverlaySnapshot();
        var options = new ProjectOptions<IdentityOptions>(
            new ProjectOptionsBinder<IdentityOptions>(IdentityOptions.Bind, deployment), snapshot, config, new UnusableOverlayLog(NullLogger<UnusableOverlayLog>.Instance));
        return (new IdentitySchemaRegistry(options, deployment), snapshot, deployment);
    }

    private static IdentityOptions Options(string id, string url) => new([new IdentitySchemaReference(id, url)], id);

    [Fact]
    public async Task AllAsync_NoOverlays_IsTheSameLoadedListEveryTime()
    {
        var (registry, _, _) = Registry();

        var first = await registry.AllAsync();

        (await registry.AllAsync()).ShouldBeSameAs(first);
        first.Select(s => s.Id).ShouldBe([DefaultIdentitySchema.Id]);
    }

    [Fact]
    public async Task AllAsync_ProjectWithSchemaOverlay_AnswersItsOwnSchemas_OthersTheDeployments()
    {
        var (registry, snapshot, _) = Registry();
        var overlay = JsonNode.Parse($$$"""{"identity":{"schemas":[{"id":"member","url":"{{{Base64(Member)}}}"}]}}""")!.AsObject();
        snapshot.Replace(DefaultProject, [new ProjectOverlay(OtherProject, overlay, 1)]);

        var onDefault = await registry.AllAsync();
        using (NetworkContext.Enter(OtherProject))
        {
            (await registry.AllAsync()).Select(s => s.Id).ShouldBe(["member"]);
            registry.DefaultSchemaId.ShouldBe("member");
            (await registry.FindAsync(DefaultIdentitySchema.Id)).ShouldBeNull();
        }

        onDefault.Select(s => s.Id).ShouldBe([DefaultIdentitySchema.Id]);
        registry.DefaultSchemaId.ShouldBe(DefaultIdentitySchema.Id);
    }

    [Fact]
    public async Task LoadAsync_FileUrlTheConfigurationDoesNotList_IsRefusedWithoutReadingIt()
    {
        var (registry, _, _) = Registry();

        var refused = await Should.ThrowAsync<ConfigurationException>(() => registry.LoadAsync(Options("member", "file://" + _file)));

        refused.KeyPath.ShouldBe("identity.schemas");
        refused.Problem.ShouldContain("base64://");
    }

    [Fact]
    public async Task LoadAsync_FileUrlTheConfigurationLists_Loads()
    {
        var (registry, _, _) = Registry($$"""
            identity:
              schemas:
                - id: staff
                  url: file://{{_file}}
            """);

        var loaded = await registry.LoadAsync(Options("staff", "file://" + _file));

        loaded.Single().PasswordIdentifiers.Single().Name.ShouldBe("traits.username");
    }

    [Fact]
    public async Task LoadAsync_InlineSchemaWithAUrlRef_IsRefusedWithoutCallingOut()
    {
        var (registry, _, _) = Registry();
        // Port 9 (discard) on loopback: were the reference followed, the problem would be a failed connection instead.
        var inline = Base64("""{"type":"object","properties":{"traits":{"$ref":"http://127.0.0.1:9/traits.json"}}}""");

        var refused = await Should.ThrowAsync<ConfigurationException>(() => registry.LoadAsync(Options("member", inline)));

        refused.KeyPath.ShouldBe("identity.schemas");
        refused.Problem.ShouldContain("may only $ref its own definitions");
    }
}
