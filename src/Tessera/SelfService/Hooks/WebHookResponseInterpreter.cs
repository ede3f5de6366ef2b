// SPDX-License-Identifier: Apache-2.0
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Tessera.Errors;
using Tessera.Ui.Messages;

namespace Tessera.SelfService.Hooks;

/// <summary>
/// The one place that decides what a web hook's answer means (issue 8; DESIGN.md "webhook answered 403"):
/// 2xx proceeds (with <c>response.parse</c>, its <c>identity</c> changes are applied); non-2xx with messages and
/// parse/can_interrupt re-renders the flow with them (400 <c>web_hook_refused</c>); any other failure of an
/// interrupting hook aborts the flow (502 <c>upstream_error</c>, 504 <c>upstream_timeout</c>, seed D1/D3); a
/// failure of any other hook is only logged and the flow goes on.
/// </summary>
internal static class WebHookResponseInterpreter
{
    public static HookOutcome Decide(HookDefinition hook, WebHookCall call)
    {
        var web = hook.WebHook!;
        if (web.Ignore)
        {
            return new HookOutcome(HookOutcomeKind.Ignored, Problem: Problem(call));
        }

        if (call.IsSuccess)
        {
            return web.Parse ? Parsed(call) : HookOutcome.Proceed;
        }

        if (!hook.CanInterrupt)
        {
            return new HookOutcome(HookOutcomeKind.Failed, Problem: Problem(call));
        }

        if (call.TimedOut)
        {
            return new HookOutcome(HookOutcomeKind.Aborted, ErrorCatalog.UpstreamTimeout.With(new Dictionary<string, object?>
            {
                ["timeout"] = string.Create(CultureInfo.InvariantCulture, $"{web.Timeout.TotalSeconds:0.###}s"),
            }), Problem: Problem(call));
        }

        if (call.StatusCode is >= 400 and < 500 && Messages(call.Body) is { Count: > 0 } messages)
        {
            var error = ErrorCatalog.WebHookRefused.With(new Dictionary<string, object?> { ["status_code"] = call.StatusCode });
            return new HookOutcome(HookOutcomeKind.Refused, error, messages, Problem: Problem(call));
        }

        return new HookOutcome(HookOutcomeKind.Aborted, ErrorCatalog.UpstreamError, Problem: Problem(call));
    }

    private static HookOutcome Parsed(WebHookCall call)
    {
        if (string.IsNullOrWhiteSpace(call.Body))
        {
            return HookOutcome.Proceed;
        }

        JsonNode? root;
        try
        {
            root = JsonNode.Parse(call.Body);
        }
        catch (JsonException)
        {
            return Invalid("the body is not JSON");
        }

        if (root is not JsonObject body || !body.TryGetPropertyValue("identity", out var identityNode) || identityNode is null)
        {
            return HookOutcome.Proceed;
        }

        if (identityNode is not JsonObject identity)
        {
            return Invalid("identity is not an object");
        }

        var traits = identity["traits"];
        if (traits is not null and not JsonObject)
        {
            return Invalid("identity.traits is not an object");
        }

        var patch = new IdentityPatch(
            traits as JsonObject,
            identity["metadata_public"], identity.ContainsKey("metadata_public"),
            identity["metadata_admin"], identity.ContainsKey("metadata_admin"));
        return HookOutcome.Proceed with { Patch = patch };
    }

    private static HookOutcome Invalid(string problem) =>
        new(HookOutcomeKind.Aborted, ErrorCatalog.WebHookResponseInvalid.With(new Dictionary<string, object?> { ["problem"] = problem }), Problem: problem);

    /// <summary>Kratos's error body; anything else (HTML error pages, empty bodies) has no messages.</summary>
    public static List<HookMessage> Messages(string? body)
    {
        var result = new List<HookMessage>();
        if (string.IsNullOrWhiteSpace(body))
        {
            return result;
        }

        try
        {
            if (JsonNode.Parse(body)?["messages"] is not JsonArray groups)
            {
                return result;
            }

            foreach (var group in groups.OfType<JsonObject>())
            {
                var field = Field(group["instance_ptr"]?.GetValue<string>());
                foreach (var message in (group["messages"] as JsonArray ?? []).OfType<JsonObject>())
                {
                    result.Add(new HookMessage(field, Text(message)));
                }
            }
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            result.Clear();
        }

        return result;
    }

    // "#/traits/email" is the node traits.email; "#/" or nothing is the form.
    private static string? Field(string? pointer)
    {
        var path = pointer?.TrimStart('#').Trim('/');
        return string.IsNullOrEmpty(path) ? null : path.Replace('/', '.');
    }

    private static UiText Text(JsonObject message)
    {
        var id = message["id"] is JsonValue v && v.TryGetValue<int>(out var n) ? n : 4000000;
        var context = (message["context"] as JsonObject)?.ToDictionary(p => p.Key, p => (object?)p.Value?.DeepClone(), StringComparer.Ordinal)
            ?? new Dictionary<string, object?>();
        var type = message["type"]?.GetValue<string>() is "info" or "success" ? message["type"]!.GetValue<string>() : "error";
        return new UiText(id, message["text"]?.GetValue<string>() ?? string.Empty, type, context);
    }

    private static string? Problem(WebHookCall call) =>
        call.TimedOut || call.TransportError is not null
            ? call.TransportError
            : call.IsSuccess ? null : string.Create(CultureInfo.InvariantCulture, $"answered {call.StatusCode}");
}
