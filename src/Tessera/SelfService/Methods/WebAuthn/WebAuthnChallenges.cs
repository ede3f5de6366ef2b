// SPDX-License-Identifier: Apache-2.0
using System.Text.Json.Nodes;
using Fido2NetLib;
using Tessera.SelfService.Flows;

namespace Tessera.SelfService.Methods.WebAuthn;

/// <summary>
/// A ceremony's options (with its challenge) kept in the flow's internal context, never shown to the client except
/// as the options themselves: a response is checked only against the challenge of the flow it is submitted to, and
/// taking the options removes them, so every challenge is answered at most once. A form shown again gets a new one.
/// </summary>
internal static class WebAuthnChallenges
{
    public static void Keep(Flow flow, string method, CredentialCreateOptions options) => flow.InternalContext[Key(method)] = JsonNode.Parse(options.ToJson());

    public static void Keep(Flow flow, string method, AssertionOptions options) => flow.InternalContext[Key(method)] = JsonNode.Parse(options.ToJson());

    public static CredentialCreateOptions? TakeCreation(Flow flow, string method) =>
        Take(flow, method) is { } json ? CredentialCreateOptions.FromJson(json) : null;

    public static AssertionOptions? TakeAssertion(Flow flow, string method) =>
        Take(flow, method) is { } json ? AssertionOptions.FromJson(json) : null;

    /// <summary>
    /// The creation options a form already offers (left in place): a settings form is rendered again before its
    /// submission is handled, and must not replace the challenge the submission answers.
    /// </summary>
    public static CredentialCreateOptions? PeekCreation(Flow flow, string method) =>
        flow.InternalContext[Key(method)]?.ToJsonString() is { } json ? CredentialCreateOptions.FromJson(json) : null;

    /// <summary>The options as <c>navigator.credentials</c> takes them: <c>{"publicKey": ...}</c>.</summary>
    public static JsonObject ForBrowser(CredentialCreateOptions options) => new() { ["publicKey"] = JsonNode.Parse(options.ToJson()) };

    public static JsonObject ForBrowser(AssertionOptions options) => new() { ["publicKey"] = JsonNode.Parse(options.ToJson()) };

    private static string? Take(Flow flow, string method)
    {
        var key = Key(method);
        var kept = flow.InternalContext[key]?.ToJsonString();
        flow.InternalContext.Remove(key);
        return kept;
    }

    private static string Key(string method) => method + "_session_data";
}
