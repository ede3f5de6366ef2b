// SPDX-License-Identifier: Apache-2.0
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Tessera.IntegrationTests.Fixtures;

namespace Tessera.IntegrationTests.SelfService.Shapes;

/// <summary>
/// The JSON of flows, sessions and identities against Kratos's OpenAPI schemas (the required and known keys below
/// are copied from Kratos v1.3's <c>kratos-openapi.json</c>): every required key is there, no key Kratos does not
/// know, the keys Kratos writes even as null are there, and every timestamp is RFC 3339 with <c>Z</c>.
/// </summary>
public sealed partial class KratosJsonShapeTests(ShapeServer fixture) : IClassFixture<ShapeServer>
{
    private const string Password = "a long passphrase for shapes 5";

    private static readonly Dictionary<string, (string[] Required, string[] Known)> Schemas = new()
    {
        ["loginFlow"] = (["id", "type", "expires_at", "issued_at", "request_url", "ui", "state"], ["active", "created_at", "expires_at", "id", "identity_schema", "issued_at", "oauth2_login_challenge", "oauth2_login_request", "organization_id", "refresh", "request_url", "requested_aal", "return_to", "session_token_exchange_code", "state", "test_context", "transient_payload", "type", "ui", "updated_at"]),
        ["registrationFlow"] = (["id", "type", "expires_at", "issued_at", "request_url", "ui", "state"], ["active", "expires_at", "id", "identity_schema", "issued_at", "oauth2_login_challenge", "oauth2_login_request", "organization_id", "request_url", "return_to", "session_token_exchange_code", "state", "transient_payload", "type", "ui"]),
        ["settingsFlow"] = (["id", "type", "expires_at", "issued_at", "request_url", "ui", "identity", "state"], ["active", "continue_with", "expires_at", "id", "identity", "issued_at", "organization_id", "request_url", "return_to", "state", "transient_payload", "type", "ui"]),
        ["recoveryFlow"] = (["id", "type", "expires_at", "issued_at", "request_url", "ui", "state"], ["active", "continue_with", "expires_at", "id", "issued_at", "request_url", "return_to", "state", "transient_payload", "type", "ui"]),
        ["verificationFlow"] = (["id", "type", "ui", "state"], ["active", "expires_at", "id", "issued_at", "request_url", "return_to", "state", "transient_payload", "type", "ui"]),
        ["session"] = (["id"], ["active", "authenticated_at", "authentication_methods", "authenticator_assurance_level", "devices", "expires_at", "id", "identity", "issued_at", "tokenized"]),
        ["identity"] = (["id", "schema_id", "schema_url", "traits"], ["created_at", "credentials", "external_id", "id", "metadata_admin", "metadata_public", "organization_id", "recovery_addresses", "region", "schema_id", "schema_url", "state", "state_changed_at", "traits", "updated_at", "verifiable_addresses"]),
        ["sessionDevice"] = (["id"], ["id", "ip_address", "location", "user_agent"]),
    };

    private TesseraTestServer Server => fixture.Server;

    [Theory]
    [InlineData("login", "loginFlow")]
    [InlineData("registration", "registrationFlow")]
    [InlineData("recovery", "recoveryFlow")]
    [InlineData("verification", "verificationFlow")]
    public async Task ApiFlow_MatchesKratosSchema(string kind, string schema)
    {
        using var response = await Server.Public.GetAsync($"/self-service/{kind}/api");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var flow = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        AssertShape(flow.RootElement, schema);
        AssertTimestampsUseZ(flow.RootElement);
        if (kind is "login" or "registration")
        {
            flow.RootElement.GetProperty("organization_id").ValueKind.ShouldBe(JsonValueKind.Null);
        }

        if (kind == "login")
        {
            flow.RootElement.GetProperty("created_at").GetString().ShouldEndWith("Z");
            flow.RootElement.GetProperty("updated_at").GetString().ShouldEndWith("Z");
        }
    }

    [Fact]
    public async Task StoredLoginFlow_FetchedAgain_CarriesItsRowTimestamps()
    {
        using var created = await Server.Public.GetAsync("/self-service/login/api");
        using var flow = JsonDocument.Parse(await created.Content.ReadAsStringAsync());
        Server.Clock.Advance(TimeSpan.FromSeconds(1));

        using var fetched = await Server.Public.GetAsync($"/self-service/login/flows?id={flow.RootElement.GetProperty("id").GetString()}");
        using var again = JsonDocument.Parse(await fetched.Content.ReadAsStringAsync());

        AssertShape(again.RootElement, "loginFlow");
        again.RootElement.GetProperty("created_at").GetString().ShouldBe(flow.RootElement.GetProperty("created_at").GetString());
    }

    [Fact]
    public async Task SettingsFlowSessionAndIdentity_MatchKratosSchemas()
    {
        var email = $"shape-{Guid.NewGuid():N}@example.com";
        var id = await TestIdentities.CreateAsync(Server, email, Password);
        var token = await ApiLoginAsync(email);

        using var settingsRequest = new HttpRequestMessage(HttpMethod.Get, "/self-service/settings/api");
        settingsRequest.Headers.Add("X-Session-Token", token);
        using var settingsResponse = await Server.Public.SendAsync(settingsRequest);
        using var whoamiRequest = new HttpRequestMessage(HttpMethod.Get, "/sessions/whoami");
        whoamiRequest.Headers.Add("X-Session-Token", token);
        using var whoamiResponse = await Server.Public.SendAsync(whoamiRequest);
        using var identityResponse = await Server.Admin.GetAsync($"/admin/identities/{id}");

        using var settings = JsonDocument.Parse(await settingsResponse.Content.ReadAsStringAsync());
        using var session = JsonDocument.Parse(await whoamiResponse.Content.ReadAsStringAsync());
        using var identity = JsonDocument.Parse(await identityResponse.Content.ReadAsStringAsync());
        AssertShape(settings.RootElement, "settingsFlow");
        settings.RootElement.GetProperty("organization_id").ValueKind.ShouldBe(JsonValueKind.Null);
        AssertShape(settings.RootElement.GetProperty("identity"), "identity");
        AssertShape(session.RootElement, "session");
        AssertShape(session.RootElement.GetProperty("identity"), "identity");
        var device = session.RootElement.GetProperty("devices").EnumerateArray().First();
        AssertShape(device, "sessionDevice");
        device.TryGetProperty("user_agent", out _).ShouldBeTrue();
        device.TryGetProperty("location", out _).ShouldBeTrue();
        AssertShape(identity.RootElement, "identity");
        identity.RootElement.GetProperty("metadata_public").ValueKind.ShouldBe(JsonValueKind.Null);
        foreach (var document in new[] { settings, session, identity })
        {
            AssertTimestampsUseZ(document.RootElement);
        }
    }

    private async Task<string> ApiLoginAsync(string email)
    {
        using var created = await Server.Public.GetAsync("/self-service/login/api");
        using var flow = JsonDocument.Parse(await created.Content.ReadAsStringAsync());
        using var login = await Server.Public.PostAsJsonAsync($"/self-service/login?flow={flow.RootElement.GetProperty("id").GetString()}",
            new { method = "password", identifier = email, password = Password });
        login.StatusCode.ShouldBe(HttpStatusCode.OK, await login.Content.ReadAsStringAsync());
        using var body = JsonDocument.Parse(await login.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("session_token").GetString()!;
    }

    private static void AssertShape(JsonElement element, string schema)
    {
        var (required, known) = Schemas[schema];
        var keys = element.EnumerateObject().Select(p => p.Name).ToList();
        required.Except(keys).ShouldBeEmpty($"{schema}: required keys missing");
        keys.Except(known).ShouldBeEmpty($"{schema}: keys Kratos does not have");
    }

    /// <summary>Every string that looks like a timestamp, anywhere in the document, is UTC with Z.</summary>
    private static void AssertTimestampsUseZ(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    AssertTimestampsUseZ(property.Value);
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    AssertTimestampsUseZ(item);
                }

                break;
            case JsonValueKind.String when TimestampLike().IsMatch(element.GetString()!):
                Rfc3339Utc().IsMatch(element.GetString()!).ShouldBeTrue(element.GetString());
                break;
        }
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}")]
    private static partial Regex TimestampLike();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?Z$")]
    private static partial Regex Rfc3339Utc();
}
