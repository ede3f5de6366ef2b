// SPDX-License-Identifier: Apache-2.0
using System.Globalization;
using System.Reflection;
using System.Text;
using Tessera.Ui.Messages;

namespace Tessera.Errors.Documentation;

/// <summary>
/// Generates <c>docs/errors.md</c> from the catalogs: the error reference in the seed's table form (Symptom / HTTP /
/// Identifier / Catalog / Cause / Resolution), then the UI message appendix. <c>tessera errors</c> prints it and a
/// test keeps the committed file equal to it, so the reference cannot drift from the code.
/// </summary>
internal static class ErrorReferenceMarkdown
{
    public static string Generate()
    {
        var md = new StringBuilder();
        md.Append("""
            # Error reference

            <!-- Generated from src/Tessera/Errors/ErrorCatalog.*.cs and src/Tessera/Ui/Messages/UiMessages.*.cs by `tessera errors`. Do not edit. -->

            Every error Tessera answers carries a stable identifier: `error.id` in the JSON envelope, the `Ory-Error-Id`
            header, and `title` in `application/problem+json`. The Catalog column names the UI message ids a
            self-service flow shows for the error (see the appendix). Each identifier's page, and each UI message id's
            (`/ui/errors/4000006`), is served at `/ui/errors/<identifier>` on the public API.

            Retry (`retry` in `application/problem+json`, `details.retry` where the envelope carries it) tells a client
            what to do:
            - `client`: 4xx. The request itself is wrong (or the person must act): fix it, do not retry it as it is.
            - `failure`: 429, 502, 503, 504, and any answer that carries `Retry-After`. A transient refusal or a failed
              dependency: retry later with exponential back-off and jitter, never before `Retry-After` seconds.
            - `error`: 500, 501. A fault on the server: retry once at most, then report the request id.

            Decision (issue 22): "too many requests" and other try-later refusals are `failure`, not a fourth category:
            seed 003's clients know three categories, and `failure` already means "retry with back-off". An answer
            that sends `Retry-After` is never `client`, whatever its status, so a category cannot tell a client to give
            up on what it should retry later.


            """);
        md.Append("| Symptom | HTTP | Identifier | Catalog | Retry | Cause | Resolution |\n");
        md.Append("|---|---|---|---|---|---|---|\n");
        foreach (var entry in ErrorCatalog.All.OrderBy(e => e.Status).ThenBy(e => e.Id, StringComparer.Ordinal))
        {
            md.Append(CultureInfo.InvariantCulture,
                $"| {Cell(entry.DocumentedSymptom)} | {entry.Status} | <a id=\"{entry.DocAnchor}\"></a>`{entry.Id}`{SeedCodeSection.Beside(entry.SeedCodes)} | {Cell(entry.UiMessageIds ?? "—")} | {entry.Retry.ToString().ToLowerInvariant()} | {Cell(entry.Cause)} | {Cell(entry.Resolution)} |\n");
        }

        md.Append(ServerOwnAnswersSection.Markdown);
        md.Append(UndefinedErrorIds.Markdown());
        md.Append(SeedCodeSection.Markdown());
        md.Append("""

            ## UI message appendix

            Self-service flows carry messages with Kratos's numeric ids (`ui.messages[]`, `ui.nodes[].messages[]`):
            1xxxxxx information, 4xxxxxx validation and flow errors, 5xxxxxx system errors. The text is rendered from
            the message's `context`; `{name}` below stands for a context value (`*_since_minutes` / `*_until_minutes`
            are computed from the instant the context carries).


            """);
        md.Append("| Code | Identifier | Type | Message |\n|---|---|---|---|\n");
        foreach (var (name, message) in NamedUiMessages())
        {
            md.Append(CultureInfo.InvariantCulture,
                $"| {message.Id} | {name} | {message.Type.ToString().ToLowerInvariant()} | {Cell(message.Template)} |\n");
        }

        return md.ToString();
    }

    private static IEnumerable<(string Name, UiMessage Message)> NamedUiMessages() =>
        typeof(UiMessages).GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(UiMessage))
            .Select(f => (f.Name, (UiMessage)f.GetValue(null)!))
            .OrderBy(x => x.Item2.Id);

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}
