// SPDX-License-Identifier: Apache-2.0
using System.Text.Json.Nodes;
using Tessera.Configuration.Keys;

namespace Tessera.Tests.Configuration;

public sealed class KeyTableTests
{
    private static readonly IReadOnlyList<string> SchemaKeys =
        KratosConfigSchemaKeys.Flatten((JsonObject)JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Reference, "kratos-config.schema.json")))!);

    [Fact]
    public void Flatten_KratosSchema_FindsNestedKeysThroughReferences()
    {
        SchemaKeys.Count.ShouldBeGreaterThan(250);
        SchemaKeys.ShouldContain("selfservice.flows.login.lifespan");
        SchemaKeys.ShouldContain("courier.smtp.connection_uri");
        SchemaKeys.ShouldContain("selfservice.methods.totp.config.issuer");
        SchemaKeys.ShouldContain("identity.schemas");
    }

    [Fact]
    public void KeyTable_EveryKratosKey_HasARow() =>
        SchemaKeys.Where(key => KeyTable.Find(key) is null).ShouldBeEmpty();

    [Fact]
    public void KeyTable_EveryRow_CoversAKratosKey_AndAppearsOnce()
    {
        KeyTable.Rules.Where(rule => !SchemaKeys.Any(rule.Covers)).Select(rule => rule.Key).ShouldBeEmpty();
        KeyTable.Rules.GroupBy(rule => rule.Key).Where(g => g.Count() > 1).Select(g => g.Key).ShouldBeEmpty();
    }

    [Fact]
    public void Find_LongestRowWins()
    {
        KeyTable.Find("serve.public.port")!.Status.ShouldBe(KeyStatus.Implemented);
        KeyTable.Find("serve.public.tls.cert.path")!.Status.ShouldBe(KeyStatus.Ignored);
        KeyTable.Find("feature_flags.use_continue_with_transitions")!.Status.ShouldBe(KeyStatus.Accepted);
        KeyTable.Find("not_kratos.at_all").ShouldBeNull();
    }

    [Fact]
    public void KeyTable_KratosKeysNamedInTheSource_AreMarkedImplemented()
    {
        // A key literal in the code means something reads it: its row must not still say ignored or accepted.
        var source = string.Join('\n', Directory.EnumerateFiles(RepositoryPaths.Source, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}Keys{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(File.ReadAllText));

        // Dotted keys only: "config" or "version" are ordinary words in code.
        SchemaKeys.Where(key => key.Contains('.', StringComparison.Ordinal) && source.Contains($"\"{key}\"", StringComparison.Ordinal))
            .Where(key => KeyTable.Find(key)!.Status != KeyStatus.Implemented)
            .ShouldBeEmpty();
    }
}
