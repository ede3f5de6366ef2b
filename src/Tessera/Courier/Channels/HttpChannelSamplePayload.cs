// SPDX-License-Identifier: Apache-2.0
using System.Text.Json.Nodes;

namespace Tessera.Courier.Channels;

/// <summary>
/// A payload shaped as <see cref="HttpChannelPayload"/> builds it, for rendering a channel's body template once at
/// start-up. Its strings hold quotes, backslashes and line breaks, so a template that would let a value break out of
/// a JSON string fails there rather than in front of the gateway.
/// </summary>
internal static class HttpChannelSamplePayload
{
    private const string Tricky = "sample \" quote \\ backslash\n line";

    public static JsonObject Build() => new()
    {
        ["recipient"] = "+10000000000",
        ["template_type"] = "verification_code_valid",
        ["message_type"] = CourierChannelIds.PhoneType,
        ["subject"] = Tricky,
        ["body"] = Tricky,
        ["template_data"] = new JsonObject
        {
            ["to"] = "+10000000000\"",
            ["verification_code"] = "123456\"",
            ["recovery_code"] = Tricky,
            ["login_code"] = Tricky,
            ["registration_code"] = Tricky,
            ["verification_url"] = "https://example.invalid/\"",
            ["recovery_url"] = "https://example.invalid/\"",
        },
    };
}
