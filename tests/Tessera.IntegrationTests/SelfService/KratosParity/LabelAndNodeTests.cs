// SPDX-License-Identifier: Apache-2.0
using System.Net;
using System.Text.Json;
using Tessera.IntegrationTests.Fixtures;
using Tessera.IntegrationTests.SelfService.Codes;
using static Tessera.IntegrationTests.SelfService.Codes.CodeFlowServer;

namespace Tessera.IntegrationTests.SelfService.KratosParity;

/// <summary>Issue 16: the labels, nodes and address statuses Ory's UIs read, as Kratos v1.3.1 writes them.</summary>
public abstract class LabelAndNodeTests(CodeFlowServer fixture)
{
    private const string Password = "a long enough passphrase 42";

    private TesseraTestServer Server => fixture.Server;

    [Theory]
    [InlineData("api")]
    [InlineData("browser")]
    public async Task LoginFlow_PasswordSubmit_IsLabelled1010022SignInWithPassword(string type)
    {
        using var flow = await NewFlowAsync("login", type);

        var label = SubmitLabel(flow.RootElement, "password");
        label.GetProperty("id").GetInt64().ShouldBe(1010022);
        label.GetProperty("text").GetString().ShouldBe("Sign in with password");
    }

    [Theory]
    [InlineData("recovery")]
    [InlineData("verification")]
    public async Task CodeFlows_Submit_IsLabelled1070009ContinueOnBothSteps(string kind)
    {
        using var flow = await NewFlowAsync(kind, "api");
        var first = SubmitLabel(flow.RootElement, "code");
        first.GetProperty("id").GetInt64().ShouldBe(1070009);
        first.GetProperty("text").GetString().ShouldBe("Continue");

        using var sent = await SubmitAsync(Server, kind, flow.RootElement.GetProperty("id").GetString()!, new { method = "code", email = NewEmail() });
        sent.StatusCode.ShouldBe(HttpStatusCode.OK, await sent.Content.ReadAsStringAsync());
        using var second = JsonDocument.Parse(await sent.Content.ReadAsStringAsync());
        SubmitLabel(second.RootElement, "code").GetProperty("id").GetInt64().ShouldBe(1070009);
    }

    [Theory]
    [InlineData("login")]
    [InlineData("registration")]
    [InlineData("recovery")]
    [InlineData("verification")]
    public async Task ApiFlows_CarryAHiddenCsrfTokenNodeWithAnEmptyValue(string kind)
    {
        using var flow = await NewFlowAsync(kind, "api");

        var attributes = FlowJson.Node(flow.RootElement, "csrf_token").GetProperty("attributes");
        attributes.GetProperty("type").GetString().ShouldBe("hidden");
        attributes.GetProperty("value").GetString().ShouldBe(string.Empty);
    }

    [Fact]
    public async Task Registration_AfterTheVerificationMailIsQueued_TheAddressStatusIsSent()
    {
        var email = NewEmail();
        using var flow = await NewApiFlowAsync(Server, "registration");
        using var registered = await SubmitAsync(Server, "registration", flow.RootElement.GetProperty("id").GetString()!,
            new { method = "password", password = Password, traits = new { email } });
        registered.StatusCode.ShouldBe(HttpStatusCode.OK, await registered.Content.ReadAsStringAsync());
        using var registration = JsonDocument.Parse(await registered.Content.ReadAsStringAsync());
        var identityId = registration.RootElement.GetProperty("identity").GetProperty("id").GetString();

        using var identity = await Server.Admin.GetAsync($"/admin/identities/{identityId}");
        using var json = JsonDocument.Parse(await identity.Content.ReadAsStringAsync());

        var address = json.RootElement.GetProperty("verifiable_addresses")[0];
        address.GetProperty("verified").GetBoolean().ShouldBeFalse();
        address.GetProperty("status").GetString().ShouldBe("sent");
    }

    private static JsonElement SubmitLabel(JsonElement flow, string method) =>
        flow.GetProperty("ui").GetProperty("nodes").EnumerateArray()
            .Single(n => n.GetProperty("attributes") is var a && a.TryGetProperty("name", out var name) && name.GetString() == "method"
                && a.GetProperty("type").GetString() == "submit" && a.GetProperty("value").GetString() == method)
            .GetProperty("meta").GetProperty("label");

    private async Task<JsonDocument> NewFlowAsync(string kind, string type)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/self-service/{kind}/{type}");
        request.Headers.Accept.ParseAdd("application/json");
        using var response = await Server.Public.SendAsync(request);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync());
    }
}

public sealed class SqliteLabelAndNodeTests(SqliteCodeFlowServer fixture) : LabelAndNodeTests(fixture), IClassFixture<SqliteCodeFlowServer>;

public sealed class PostgresLabelAndNodeTests(PostgresCodeFlowServer fixture) : LabelAndNodeTests(fixture), IClassFixture<PostgresCodeFlowServer>;
