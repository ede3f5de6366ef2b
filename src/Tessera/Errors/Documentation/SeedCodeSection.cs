// SPDX-License-Identifier: Apache-2.0
using System.Globalization;
using System.Text;

namespace Tessera.Errors.Documentation;

/// <summary>
/// The part of <c>docs/errors.md</c> that maps the source systems' codes (seed 000's rows, seed 002's <c>domain:reason</c>
/// codes, seed 003's <c>CATEGORY_NAME</c> codes) to the ids that carry their meaning in Tessera, read from the catalog
/// entries' <see cref="ErrorDescriptor.SeedCodes"/> and from <see cref="UndefinedErrorIds"/> (a meaning Tessera meets at
/// start-up, not in an answer).
/// </summary>
internal static class SeedCodeSection
{
    /// <summary>Every mapped seed code with the id it maps to, whether that id is in the catalog, and the note.</summary>
    public static IReadOnlyList<(SeedCode Code, string Id, bool InCatalog)> All { get; } =
        ErrorCatalog.All.SelectMany(e => e.SeedCodes.Select(c => (c, e.Id, true)))
            .Concat(UndefinedErrorIds.All.SelectMany(u => u.SeedCodes.Select(c => (c, u.Id, false))))
            .OrderBy(x => Family(x.Item1.Code)).ThenBy(x => x.Item1.Code, StringComparer.Ordinal)
            .ToList();

    /// <summary>The seed a code comes from: seed 000's rows (<c>B4</c>), seed 002's <c>oauth:*</c>, seed 003's <c>PROVIDER_*</c>.</summary>
    public static string Family(string code) =>
        code.Contains(':', StringComparison.Ordinal) ? "seed 002" : code.Contains('_', StringComparison.Ordinal) ? "seed 003" : "seed 000";

    /// <summary>The line the reference shows under an id: the seed codes it answers for.</summary>
    public static string Beside(IReadOnlyList<SeedCode> codes) =>
        codes.Count == 0 ? string.Empty : "<br>Seed codes: " + string.Join(", ", codes.Select(c => $"`{c.Code}`"));

    public static string Markdown()
    {
        var md = new StringBuilder("""

            ## Seed codes

            The systems Tessera replaces named their errors with codes of their own: seed 000's troubleshooting rows,
            seed 002's `domain:reason` codes and seed 003's `CATEGORY_NAME` codes. They never appear in Tessera's
            answers; this table names the id that carries each one's meaning (the entry above lists it too). Where the id
            is a general one, or the status differs from the seed's, the note says how Tessera meets the meaning.

            | Seed | Seed code | Identifier | Note |
            |---|---|---|---|

            """);
        foreach (var (code, id, inCatalog) in All)
        {
            var target = inCatalog ? $"[`{id}`](#{id})" : $"`{id}` (not in the catalog: start-up)";
            md.Append(CultureInfo.InvariantCulture,
                $"| {Family(code.Code)} | `{code.Code}` | {target} | {(code.Note ?? "—").Replace("|", "\\|", StringComparison.Ordinal)} |\n");
        }

        return md.ToString();
    }
}
