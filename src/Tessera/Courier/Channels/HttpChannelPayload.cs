// SPDX-License-Identifier: Apache-2.0
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Tessera.Courier.Channels;

/// <summary>
/// What an HTTP channel's body template sees, as Kratos's Jsonnet <c>ctx</c>: <c>recipient</c>, <c>template_type</c>,
/// <c>message_type</c>, <c>subject</c>, <c>body</c> (the rendered text) and <c>template_data</c> with Kratos's
/// snake_case names (<c>to</c>, <c>verification_code</c>, <c>login_code</c>, ...).
/// </summary>
internal static class HttpChannelPayload
{
    /// <summary>Kratos's default body, written as a template: the same fields, plus the login and registration codes.</summary>
    public const string DefaultBody =
        """
        {
          "recipient": "{{recipient}}",
          "template_type": "{{template_type}}",
          "to": {{json template_data.to}},
          "recovery_code": {{json template_data.recovery_code}},
          "recovery_url": {{json template_data.recovery_url}},
          "verification_url": {{json template_data.verification_url}},
          "verification_code": {{json template_data.verification_code}},
          "login_code": {{json template_data.login_code}},
          "registration_code": {{json template_data.registration_code}},
          "subject": "{{subject}}",
          "body": "{{body}}"
        }
        """;

    public static JsonObject Build(CourierMessage message)
    {
        var data = new JsonObject();
        if (JsonNode.Parse(message.TemplateData) is JsonObject stored)
        {
            foreach (var (name, value) in stored)
            {
                data[JsonNamingPolicy.SnakeCaseLower.ConvertName(name)] = value?.DeepClone();
            }
        }

        return new JsonObject
        {
            ["recipient"] = message.Recipient,
            ["template_type"] = message.TemplateType,
            ["message_type"] = message.Type,
            ["subject"] = message.Subject,
            ["body"] = message.BodyPlaintext,
            ["template_data"] = data,
        };
    }
}
