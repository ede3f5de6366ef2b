// SPDX-License-Identifier: Apache-2.0
using System.Text.Json.Nodes;
using Tessera.Identities;
using Tessera.Identities.Schemas;

namespace Tessera.Tests.Identities;

public sealed class IdentitySchemaTests
{
    private static string Quickstart(string preset) =>
        Path.Combine(RepositoryPaths.Reference, "kratos-quickstart", preset, "identity.schema.json");

    private static async Task<IdentitySchema> LoadAsync(string url) =>
        await IdentitySchemaLoader.LoadAsync(new IdentitySchemaReference("s", url), CancellationToken.None);

    [Fact]
    public async Task DefaultSchema_EmailIsPasswordAndCodeIdentifier_VerifiableAndRecoverable()
    {
        var schema = await LoadAsync(DefaultIdentitySchema.Url);

        var email = schema.Fields.Single(f => f.Name == "traits.email");
        email.Pointer.ShouldBe("#/traits/email");
        email.Required.ShouldBeTrue();
        email.Format.ShouldBe("email");
        email.Extension.PasswordIdentifier.ShouldBeTrue();
        email.Extension.CodeIdentifier.ShouldBeTrue();
        email.Extension.VerificationVia.ShouldBe("email");
        email.Extension.RecoveryVia.ShouldBe("email");
        schema.Fields.Select(f => f.Name).ShouldBe(["traits.email", "traits.name.first", "traits.name.last"], ignoreOrder: true);
        schema.Fields.Single(f => f.Name == "traits.name.first").Required.ShouldBeFalse();
    }

    [Fact]
    public async Task Base64Schema_WithArrayAndTotp_ParsesExtensionOnItems()
    {
        const string json = """
            {"type":"object","properties":{"traits":{"type":"object","properties":{
              "emails":{"type":"array","items":{"type":"string","format":"email","ory.sh/kratos":{"credentials":{"password":{"identifier":true},"totp":{"account_name":true}},"recovery":{"via":"email"}}}},
              "username":{"type":"string","ory.sh/kratos":{"credentials":{"password":{"identifier":true}}}}}}}}
            """;
        var schema = await LoadAsync("base64://" + Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(json)));

        var emails = schema.Fields.Single(f => f.Name == "traits.emails");
        emails.IsArray.ShouldBeTrue();
        emails.Extension.TotpAccountName.ShouldBeTrue();
        emails.Extension.RecoveryVia.ShouldBe("email");
        schema.PasswordIdentifiers.Select(f => f.Name).ShouldBe(["traits.emails", "traits.username"], ignoreOrder: true);
        var traits = new JsonObject { ["emails"] = new JsonArray("a@x.io", "b@x.io"), ["username"] = "ann" };
        schema.PasswordIdentifiers.SelectMany(f => IdentitySchema.Values(traits, f)).ShouldBe(["a@x.io", "b@x.io", "ann"], ignoreOrder: true);
    }

    [Fact]
    public async Task QuickstartSchema_FromFile_Loads()
    {
        var path = Path.GetFullPath(Quickstart("email-password"));
        File.Exists(path).ShouldBeTrue("TestData/reference is copied beside the test binaries");

        var schema = await LoadAsync("file://" + path);

        schema.PasswordIdentifiers.Single().Name.ShouldBe("traits.email");
    }

    [Theory]
    [InlineData("""{"name":{"first":"Ann"}}""", 4000002)]
    [InlineData("""{"email":"no"}""", 4000003)]
    [InlineData("""{"email":"not-an-email"}""", 4000001)]
    [InlineData("""{"email":42}""", 4000026)]
    public async Task Validate_InvalidEmail_PointsAtTraitsEmailWithKratosId(string traits, int id)
    {
        var schema = await LoadAsync(DefaultIdentitySchema.Url);

        var messages = TraitsValidator.Validate(schema, (JsonObject)JsonNode.Parse(traits)!);

        messages.ShouldContain(m => m.Pointer == "#/traits/email" && m.Name == "traits.email" && m.Message.Id == id,
            string.Join("; ", messages.Select(m => $"{m.Pointer} {m.Message.Id} {m.Message.Text}")));
    }

    [Fact]
    public async Task Validate_ValidTraits_HasNoMessages()
    {
        var schema = await LoadAsync(DefaultIdentitySchema.Url);

        TraitsValidator.Validate(schema, new JsonObject { ["email"] = "ann@example.com", ["name"] = new JsonObject { ["first"] = "Ann" } }).ShouldBeEmpty();
    }

    [Theory]
    [InlineData(" Ann@Example.COM ", "ann@example.com")]
    [InlineData("USER", "user")]
    public void Normalize_TrimsAndLowerCases(string input, string expected) =>
        IdentifierNormalizer.Normalize(input).ShouldBe(expected);

    [Fact]
    public void SchemaIds_RoundTripThroughBase64Url() =>
        IdentitySchemaRegistry.Encode("default").ShouldBe("ZGVmYXVsdA");
}
