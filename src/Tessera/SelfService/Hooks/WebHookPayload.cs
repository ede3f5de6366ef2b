// SPDX-License-Identifier: Apache-2.0
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.Extensions;
using Tessera.SelfService.Flows;

namespace Tessera.SelfService.Hooks;

/// <summary>
/// The JSON a web hook receives (and the data its body template sees): the flow, the identity's id and traits,
/// the request URL and method, and an allow-list of request headers. Cookies, Authorization, session tokens and
/// CSRF tokens are never included: the receiver is a third party to the user's session.
/// </summary>
internal static class WebHookPayload
{
    public static readonly IReadOnlyList<string> AllowedHeaders =
    [
        "Accept", "Accept-Language", "User-Agent", "Origin", "Referer", "X-Forwarded-For", "X-Forwarded-Proto",
        "X-Forwarded-Host", "X-Real-Ip", "True-Client-Ip", "Cf-Ipcountry", "X-Request-Id",
    ];

    public static JsonObject Build(HookContext context, HookChain chain, HookDefinition hook)
    {
        var flow = context.Flow;
        var request = context.Http.Request;
        var headers = new JsonObject();
        foreach (var name in AllowedHeaders)
        {
            if (request.Headers.TryGetValue(name, out var values) && values.Count > 0)
            {
                headers[name] = values.ToString();
            }
        }

        var identity = context.Identity;
        return new JsonObject
        {
            ["flow"] = new JsonObject
            {
                ["id"] = flow.Id.ToString(),
                ["type"] = FlowNames.Of(flow.Type),
                ["kind"] = FlowNames.Of(flow.Kind),
                ["state"] = flow.State,
                ["request_url"] = flow.RequestUrl,
                ["return_to"] = flow.ReturnTo,
                ["active"] = flow.Active,
                ["issued_at"] = flow.IssuedAt,
                ["expires_at"] = flow.ExpiresAt,
            },
            ["identity"] = identity is null ? null : new JsonObject
            {
                ["id"] = identity.Id.ToString(),
                ["schema_id"] = identity.SchemaId,
                ["state"] = identity.State,
                ["traits"] = identity.Traits.DeepClone(),
                ["metadata_public"] = identity.MetadataPublic?.DeepClone(),
            },
            ["request_url"] = request.GetDisplayUrl(),
            ["request_method"] = request.Method,
            ["request_headers"] = headers,
            ["hook"] = new JsonObject { ["point"] = chain.Point, ["index"] = hook.Index, ["id"] = hook.WebHook?.Id },
        };
    }
}
