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
            header, and `title` in `application/problem+json`. Retry: `client` (fix the request, do not retry),
            `failure` (a dependency failed, retry with back-off), `error` (retry once). The Catalog column names the UI
            message ids a self-service flow shows for the error (see the appendix). Each identifier's page is served at
            `/ui/errors/<identifier>` on the public API.


            """);
        md.Append("| Symptom | HTTP | Identifier | Catalog | Retry | Cause | Resolution |\n");
        md.Append("|---|---|---|---|---|---|---|\n");
        foreach (var entry in ErrorCatalog.All.OrderBy(e => e.Status).ThenBy(e => e.Id, StringComparer.Ordinal))
        {
            md.Append(CultureInfo.InvariantCulture,
                $"| {Cell(entry.DocumentedSymptom)} | {entry.Status} | <a id=\"{entry.DocAnchor}\"></a>`{entry.Id}` | {Cell(entry.UiMessageIds ?? "—")} | {entry.Retry.ToString().ToLowerInvariant()} | {Cell(entry.Cause)} | {Cell(entry.Resolution)} |\n");
        }

        md.Append(ServerOwnAnswersSection.Markdown);
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
