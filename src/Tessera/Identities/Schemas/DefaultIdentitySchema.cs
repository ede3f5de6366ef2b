// SPDX-License-Identifier: Apache-2.0
namespace Tessera.Identities.Schemas;

/// <summary>
/// The built-in identity schema used when <c>identity.schemas</c> is not configured: a required e-mail that is the
/// password and code identifier and is verifiable and recoverable by e-mail, and an optional first and last name.
/// </summary>
internal static class DefaultIdentitySchema
{
    public const string Id = "default";
    public const string Url = "tessera://identity-schemas/default";

    public const string Json = """
        {
          "$id": "tessera://identity-schemas/default",
          "$schema": "http://json-schema.org/draft-07/schema#",
          "title": "Person",
          "type": "object",
          "properties": {
            "traits": {
              "type": "object",
              "properties": {
                "email": {
                  "type": "string",
                  "format": "email",
                  "title": "E-Mail",
                  "minLength": 3,
                  "maxLength": 320,
                  "ory.sh/kratos": {
                    "credentials": {
                      "password": { "identifier": true },
                      "code": { "identifier": true, "via": "email" }
                    },
                    "verification": { "via": "email" },
                    "recovery": { "via": "email" }
                  }
                },
                "name": {
                  "type": "object",
                  "properties": {
                    "first": { "type": "string", "title": "First Name", "maxLength": 256 },
                    "last": { "type": "string", "title": "Last Name", "maxLength": 256 }
                  }
                }
              },
              "required": ["email"],
              "additionalProperties": false
            }
          }
        }
        """;
}
