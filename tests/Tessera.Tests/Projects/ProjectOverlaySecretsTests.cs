// SPDX-License-Identifier: Apache-2.0
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using Tessera.Configuration;
using Tessera.Projects.Overlays;
using Tessera.Security.Cipher;
using Tessera.Security.Secrets;

namespace Tessera.Tests.Projects;

public sealed class ProjectOverlaySecretsTests
{
    private const string Providers = """
        {"selfservice":{"methods":{"oidc":{"config":{"providers":[
          {"id":"acme","client_id":"a","client_secret":"acme-secret"},
          {"id":"globex","client_id":"g","client_secret":"globex-secret"}]}}}}}
        """;

    // With secrets.cipher, or without it (a key derived from the server secret): both seal.
    private static async Task<ProjectOverlaySecrets> SecretsAsync(bool cipher)
    {
        var config = new ConfigurationTree([], new Dictionary<string, string>());
        config.Set(SecretsOptions.DefaultKey, new JsonArray("a server secret of some length"));
        if (cipher)
        {
            config.Set(SecretCipher.ConfigKey, new JsonArray("a cipher key of at least thirty-two characters"));
        }

        // A configured secrets.default never reads the generated one's store.
        var server = new ServerSecrets(SecretsOptions.Bind(config), null!, NullLogger<ServerSecrets>.Instance);
        await server.InitialiseAsync();
        return new ProjectOverlaySecrets(SecretCipher.Bind(config), server);
    }

    private static JsonObject Json(string json) => JsonNode.Parse(json)!.AsObject();

    [Theory]
    [InlineData("selfservice.methods.oidc.config.providers.0.client_secret", true)]
    [InlineData("selfservice.flows.registration.after.password.hooks.0.config.auth.config.password", true)]
    [InlineData("selfservice.flows.registration.after.password.hooks.0.config.auth.config.value", true)]
    [InlineData("selfservice.methods.password.config.min_password_length", false)]
    [InlineData("selfservice.methods.oidc.config.providers.0.client_id", false)]
    [InlineData("selfservice.flows.registration.after.password.hooks.0.config.auth.config.name", false)]
    public void IsSecret_NamesTheSecretLeavesOnly(string path, bool secret) =>
        ProjectOverlaySecrets.IsSecret(path).ShouldBe(secret);

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Seal_ThenOpen_RoundTripsWithoutPlaintextAtRest(bool cipher)
    {
        var secrets = await SecretsAsync(cipher);

        var sealedValues = secrets.Seal(Json(Providers), []);

        sealedValues.Succeeded.ShouldBeTrue();
        sealedValues.Value.ToJsonString().ShouldNotContain("acme-secret");
        var (opened, unreadable) = secrets.Open(sealedValues.Value);
        unreadable.ShouldBeNull();
        opened.ToJsonString().ShouldBe(Json(Providers).ToJsonString());
    }

    [Fact]
    public async Task Seal_RedactedMarker_KeepsTheStoredSecretOfTheSameIdEvenWhenTheListIsReordered()
    {
        var secrets = await SecretsAsync(cipher: true);
        var stored = secrets.Seal(Json(Providers), []).Value;
        var patch = Json("""
            {"selfservice":{"methods":{"oidc":{"config":{"providers":[
              {"id":"globex","client_id":"g","client_secret":"(redacted)"},
              {"id":"acme","client_id":"a","client_secret":"(redacted)"}]}}}}}
            """);

        var (opened, _) = secrets.Open(secrets.Seal(patch, stored).Value);

        var providers = opened["selfservice"]!["methods"]!["oidc"]!["config"]!["providers"]!.AsArray();
        providers[0]!["client_secret"]!.GetValue<string>().ShouldBe("globex-secret");
        providers[1]!["client_secret"]!.GetValue<string>().ShouldBe("acme-secret");
    }

    [Fact]
    public async Task Seal_RedactedMarkerWithNothingStored_IsProjectConfigInvalidNamingTheKey()
    {
        var secrets = await SecretsAsync(cipher: true);

        var result = secrets.Seal(Json("""{"selfservice":{"methods":{"oidc":{"config":{"providers":[{"id":"new","client_secret":"(redacted)"}]}}}}}"""), []);

        result.Succeeded.ShouldBeFalse();
        result.Error.Descriptor.Id.ShouldBe("project_config_invalid");
        result.Error.Context!["key"].ShouldBe("selfservice.methods.oidc.config.providers.0.client_secret");
    }

    [Fact]
    public void Redact_ReplacesEverySecretAndNothingElse()
    {
        var redacted = ProjectOverlaySecrets.Redact(Json(Providers)).ToJsonString();

        redacted.ShouldNotContain("-secret\"");
        redacted.ShouldContain("\"client_id\":\"a\"");
        redacted.ShouldContain("\"client_secret\":\"(redacted)\"");
    }
}
