// SPDX-License-Identifier: Apache-2.0
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Tessera.IntegrationTests.Fixtures;

namespace Tessera.IntegrationTests.SelfService.Hooks;

/// <summary>
/// Issue 17 finding 6a: a trait written into a web hook body template with the natural <c>"{{path}}"</c> arrives
/// at a real receiver as one string value, never as keys of its own.
/// </summary>
public abstract class WebHookBodyEscapingTests(DatabaseKind kind)
{
    private const string Injection = "x\",\"is_admin\":true,\"z\":\"";
    private const string Schema = """
        {
          "$schema": "http://json-schema.org/draft-07/schema#",
          "type": "object",
          "properties": {
            "traits": {
              "type": "object",
              "properties": {
                "email": { "type": "string", "format": "email", "ory.sh/kratos": { "credentials": { "password": { "identifier": true } } } },
                "name": { "type": "string" }
              },
              "required": ["email"]
            }
          }
        }
        """;

    private const string Template = """
        {"identity": {"traits": {"email": "{{identity.traits.email}}", "name": "{{identity.traits.name}}"}}, "flow": {{json flow.id}} }
        """;

    [Fact]
    public async Task TraitWithQuotes_InAQuotedPlaceholder_ArrivesAsOneStringWithNoExtraKey()
    {
        await using var receiver = await WebHookReceiver.StartAsync();
        await using var server = await TesseraTestServer.StartAsync(kind, new Dictionary<string, string>
        {
            ["identity.schemas"] = $$"""[{"id":"person","url":"base64://{{Base64(Schema)}}"}]""",
            ["selfservice.flows.registration.after.password.hooks"] = new JsonArray(
                new JsonObject
                {
                    ["hook"] = "web_hook",
                    ["config"] = new JsonObject { ["url"] = receiver.UrlFor("/body"), ["can_interrupt"] = true, ["body"] = "base64://" + Base64(Template) },
                },
                new JsonObject { ["hook"] = "session" }).ToJsonString(),
        });
        var email = $"inject-{Guid.NewGuid():N}@example.com";

        using var created = await server.Public.GetAsync("/self-service/registration/api");
        using var flow = JsonDocument.Parse(await created.Content.ReadAsStringAsync());
        using var registered = await server.Public.PostAsJsonAsync($"/self-service/registration?flow={flow.RootElement.GetProperty("id").GetString()}",
            new { method = "password", password = "an injected passphrase 9", traits = new { email, name = Injection } });

        registered.StatusCode.ShouldBe(HttpStatusCode.OK, await registered.Content.ReadAsStringAsync());
        var call = receiver.ReceivedFor("/body", email).ShouldHaveSingleItem();
        var body = JsonNode.Parse(call.Body)!.AsObject();
        body.Select(p => p.Key).ShouldBe(["identity", "flow"]);
        var traits = body["identity"]!["traits"]!.AsObject();
        traits.Select(p => p.Key).ShouldBe(["email", "name"]);
        traits["name"]!.GetValue<string>().ShouldBe(Injection);
        body["flow"]!.GetValue<string>().ShouldBe(flow.RootElement.GetProperty("id").GetString());
    }

    private static string Base64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));
}

public sealed class SqliteWebHookBodyEscapingTests() : WebHookBodyEscapingTests(DatabaseKind.Sqlite);

public sealed class PostgresWebHookBodyEscapingTests() : WebHookBodyEscapingTests(DatabaseKind.Postgres);
