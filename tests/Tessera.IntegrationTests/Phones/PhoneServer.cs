// SPDX-License-Identifier: Apache-2.0
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Tessera.Courier;
using Tessera.IntegrationTests.Courier;
using Tessera.IntegrationTests.Fixtures;

namespace Tessera.IntegrationTests.Phones;

/// <summary>
/// A server whose identity schema has a phone number (<c>format: tel</c>) as password and code identifier, verified
/// and recovered <c>via: sms</c>, beside an optional e-mail address; verification and recovery on and sign-in by code (code method);
/// the sms channel
/// pointing at a fake gateway on loopback. The courier worker is parked (<c>pull_wait: 1h</c>): tests deliver with
/// <see cref="CodeForAsync"/>.
/// </summary>
public abstract class PhoneServer(DatabaseKind kind) : IAsyncLifetime
{
    public const string Password = "a phone passphrase 42";

    public const string Schema =
        """
        {
          "$id": "https://example.com/phone.schema.json",
          "$schema": "http://json-schema.org/draft-07/schema#",
          "type": "object",
          "properties": {
            "traits": {
              "type": "object",
              "properties": {
                "phone": {
                  "type": "string",
                  "format": "tel",
                  "title": "Phone number",
                  "ory.sh/kratos": {
                    "credentials": { "password": { "identifier": true }, "code": { "identifier": true, "via": "sms" } },
                    "verification": { "via": "sms" },
                    "recovery": { "via": "sms" }
                  }
                },
                "email": {
                  "type": "string",
                  "format": "email",
                  "ory.sh/kratos": {
                    "credentials": { "password": { "identifier": true } },
                    "verification": { "via": "email" }
                  }
                }
              },
              "required": ["phone"],
              "additionalProperties": false
            }
          }
        }
        """;

    private TesseraTestServer? _server;

    public DatabaseKind Kind { get; } = kind;

    public WebHookReceiver Gateway { get; private set; } = null!;

    public TesseraTestServer Server => _server ?? throw new InvalidOperationException("The server has not started.");

    protected virtual Dictionary<string, string> Settings => new()
    {
        ["cookies.secure"] = "false",
        ["identity.schemas"] = $$"""[{"id":"phone","url":"base64://{{Convert.ToBase64String(Encoding.UTF8.GetBytes(Schema))}}"}]""",
        ["identity.default_schema_id"] = "phone",
        ["selfservice.flows.verification.enabled"] = "true",
        ["selfservice.flows.recovery.enabled"] = "true",
        ["selfservice.methods.code.config.lifespan"] = "10m",
        ["selfservice.methods.code.passwordless_enabled"] = "true",
        ["courier.channels"] = SmsChannelTests.ChannelsJson(Gateway),
        ["courier.worker.pull_wait"] = "1h",
    };

    public async Task InitializeAsync()
    {
        Gateway = await WebHookReceiver.StartAsync();
        _server = await TesseraTestServer.StartAsync(Kind, Settings);
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        await Gateway.DisposeAsync();
    }

    /// <summary>Runs one courier poll, then reads the six-digit code from the last text to <paramref name="e164"/>.</summary>
    public async Task<string> CodeForAsync(string e164)
    {
        await Server.Services.GetRequiredService<CourierDispatcher>().ProcessBatchAsync();
        return await Gateway.CodeForAsync(e164);
    }

    public async Task<JsonDocument> NewApiFlowAsync(string kind)
    {
        using var response = await Server.Public.GetAsync($"/self-service/{kind}/api");
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync());
    }

    /// <summary>Creates an API flow of <paramref name="kind"/> and submits <paramref name="body"/> to it.</summary>
    public async Task<HttpResponseMessage> SubmitNewAsync(string kind, object body)
    {
        using var flow = await NewApiFlowAsync(kind);
        return await SubmitAsync(kind, flow.RootElement.GetProperty("id").GetString()!, body);
    }

    public Task<HttpResponseMessage> SubmitAsync(string kind, string flowId, object body) =>
        Server.Public.PostAsJsonAsync($"/self-service/{kind}?flow={flowId}", body);

    /// <summary>Registers a phone-number identity with a password through the admin API; returns its id.</summary>
    public async Task<Guid> CreateIdentityAsync(string phone, string? email = null)
    {
        object traits = email is null ? new { phone } : new { phone, email };
        using var response = await Server.Admin.PostAsJsonAsync("/admin/identities", new
        {
            schema_id = "phone", traits, credentials = new { password = new { config = new { password = Password } } },
        });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("id").GetGuid();
    }
}

public sealed class SqlitePhoneServer() : PhoneServer(DatabaseKind.Sqlite);

public sealed class PostgresPhoneServer() : PhoneServer(DatabaseKind.Postgres);
