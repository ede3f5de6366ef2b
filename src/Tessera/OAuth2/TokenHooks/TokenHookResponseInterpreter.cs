// SPDX-License-Identifier: Apache-2.0
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Tessera.Errors;
using Tessera.SelfService.Hooks;

namespace Tessera.OAuth2.TokenHooks;

/// <summary>
/// The one place that decides what a token hook's answer means, as Hydra does: 200 with
/// <c>{"session": {"access_token": {...}, "id_token": {...}}}</c> sets those claims; 204 issues unchanged; 403 is an
/// intentional refusal (<c>access_denied</c>); anything else (another status, no answer within the timeout, an
/// unreachable hook, a 200 whose body is not that object) is <c>server_error</c> naming what the hook did (seed C4).
/// The description names the status only: never the hook's URL or its body, which are the operator's business.
/// </summary>
internal static class TokenHookResponseInterpreter
{
    public static TokenHookDecision Decide(WebHookConfig hook, WebHookCall call)
    {
        if (call.TimedOut)
        {
            return Failed(string.Create(CultureInfo.InvariantCulture, $"did not answer within {hook.Timeout.TotalSeconds:0.###}s"), call.TransportError);
        }

        return call.StatusCode switch
        {
            null => Failed("could not be reached", call.TransportError),
            204 => new TokenHookDecision(HookOutcome.Proceed, TokenHookClaims.None),
            200 => Parse(call.Body),
            403 => new TokenHookDecision(
                new HookOutcome(HookOutcomeKind.Refused, ErrorCatalog.OAuth2TokenHookDenied, Problem: "answered 403"), TokenHookClaims.None),
            var status => Failed(string.Create(CultureInfo.InvariantCulture, $"answered {status}"), null),
        };
    }

    private static TokenHookDecision Parse(string? body)
    {
        JsonNode? root;
        try
        {
            root = string.IsNullOrWhiteSpace(body) ? null : JsonNode.Parse(body);
        }
        catch (JsonException)
        {
            return Failed("answered 200 with a body that is not JSON", null);
        }

        if (root is not JsonObject answer)
        {
            return Failed("answered 200 without a JSON object (send 204 to issue the tokens unchanged)", null);
        }

        var session = answer["session"];
        if (session is not null and not JsonObject)
        {
            return Failed("answered 200 with a session that is not an object", null);
        }

        var accessToken = session?["access_token"];
        var idToken = session?["id_token"];
        if (accessToken is not null and not JsonObject || idToken is not null and not JsonObject)
        {
            return Failed("answered 200 with session.access_token or session.id_token not an object", null);
        }

        var claims = new TokenHookClaims(
            accessToken is JsonObject a ? TokenHookClaims.Allowed(a) : null,
            idToken is JsonObject i ? TokenHookClaims.Allowed(i) : null);
        return new TokenHookDecision(HookOutcome.Proceed, claims);
    }

    private static TokenHookDecision Failed(string problem, string? detail)
    {
        var error = ErrorCatalog.OAuth2TokenHookFailed.With(new Dictionary<string, object?> { ["problem"] = problem });
        // The log keeps the transport detail (connection refused, refused by the private-range guard); the client does not see it.
        var logged = detail is null ? problem : $"{problem}: {detail}";
        return new TokenHookDecision(new HookOutcome(HookOutcomeKind.Aborted, error, Problem: logged), TokenHookClaims.None);
    }
}
