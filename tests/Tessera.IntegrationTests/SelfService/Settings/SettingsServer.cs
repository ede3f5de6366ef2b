// SPDX-License-Identifier: Apache-2.0
using System.Text;
using Tessera.IntegrationTests.Fixtures;

namespace Tessera.IntegrationTests.SelfService.Settings;

/// <summary>
/// Servers for the settings tests: plain-HTTP loopback cookies, ten-minute flows (the fake clock ages sessions past
/// the default 15-minute privileged window without expiring flows created afterwards), and a schema with two
/// addresses (e-mail, backup e-mail) and a plain trait (name).
/// </summary>
public abstract class SettingsServer(DatabaseKind kind) : ServerFixture(kind)
{
    public const string Schema = """
        {
          "$id": "https://example.com/person.schema.json",
          "$schema": "http://json-schema.org/draft-07/schema#",
          "type": "object",
          "properties": {
            "traits": {
              "type": "object",
              "properties": {
                "email": {
                  "type": "string", "format": "email", "title": "E-Mail",
                  "ory.sh/kratos": {
                    "credentials": { "password": { "identifier": true } },
                    "verification": { "via": "email" },
                    "recovery": { "via": "email" }
                  }
                },
                "backup_email": {
                  "type": "string", "format": "email", "title": "Backup e-mail",
                  "ory.sh/kratos": { "verification": { "via": "email" } }
                },
                "name": { "type": "string", "title": "Name", "maxLength": 20 }
              },
              "required": ["email"],
              "additionalProperties": false
            }
          }
        }
        """;

    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["cookies.secure"] = "false",
        ["selfservice.flows.login.lifespan"] = "10m",
        ["selfservice.flows.registration.lifespan"] = "10m",
        ["selfservice.flows.settings.lifespan"] = "10m",
        ["identity.schemas"] = $$"""[{"id":"person","url":"base64://{{Convert.ToBase64String(Encoding.UTF8.GetBytes(Schema))}}"}]""",
    };
}

public sealed class SqliteSettingsServer() : SettingsServer(DatabaseKind.Sqlite);

public sealed class PostgresSettingsServer() : SettingsServer(DatabaseKind.Postgres);
