// SPDX-License-Identifier: Apache-2.0
using System.Text.Json.Nodes;

namespace Tessera.SelfService.Hooks;

/// <summary>
/// A payload shaped as <see cref="WebHookPayload"/> builds it, for rendering a body template once at start-up. Its
/// strings hold quotes, backslashes and line breaks, so a template that would let a value break out of a JSON string
/// fails there rather than in front of a receiver.
/// </summary>
internal static class WebHookSamplePayload
{
    private const string Tricky = "sample \" quote \\ backslash\n line";

    public static JsonObject Build() => new()
    {
        ["flow"] = new JsonObject
        {
            ["id"] = "00000000-0000-0000-0000-000000000000",
            ["type"] = "browser",
            ["kind"] = "registration",
            ["state"] = "choose_method",
            ["request_url"] = "https://example.invalid/self-service/registration/browser?\"",
            ["return_to"] = "https://example.invalid/\"",
            ["active"] = "password",
            ["issued_at"] = "2025-01-01T00:00:00Z",
            ["expires_at"] = "2025-01-01T01:00:00Z",
        },
        ["identity"] = new JsonObject
        {
            ["id"] = "00000000-0000-0000-0000-000000000000",
            ["schema_id"] = "default",
            ["state"] = "active",
            ["traits"] = new JsonObject
            {
                ["email"] = "x\",\"is_admin\":true,\"z\":\"@example.invalid",
                ["username"] = Tricky,
                ["phone"] = "+10000000000",
                ["name"] = new JsonObject { ["first"] = Tricky, ["last"] = Tricky },
            },
            ["metadata_public"] = new JsonObject { ["note"] = Tricky },
        },
        ["request_url"] = "https://example.invalid/self-service/registration?flow=\"",
        ["request_method"] = "POST",
        ["request_headers"] = new JsonObject { ["User-Agent"] = Tricky, ["Accept-Language"] = "en" },
        ["hook"] = new JsonObject { ["point"] = "registration.after.password", ["index"] = 0, ["id"] = Tricky },
    };
}
