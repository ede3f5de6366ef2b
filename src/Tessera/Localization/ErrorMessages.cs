// SPDX-License-Identifier: Apache-2.0
using Tessera.Errors;

namespace Tessera.Localization;

/// <summary>
/// A catalog error's texts for a person, in their language: its message (<c>error.message</c>, catalog key
/// <c>error.&lt;id&gt;</c>), its cause (<c>error.&lt;id&gt;.cause</c>) and its resolution (<c>error.&lt;id&gt;.resolution</c>).
/// Only the catalog's own texts are translated: a text written otherwise (a UI message's own note) stays as it was written.
/// </summary>
internal static class ErrorMessages
{
    public static string In(string id, string message, string? language) =>
        ErrorCatalog.Find(id) is { } entry && entry.Message == message ? Translations.Find(language, Key(entry)) ?? message : message;

    /// <summary>The entry's cause in <paramref name="language"/>; <paramref name="cause"/> as given when it is not the entry's own.</summary>
    public static string Cause(ErrorDescriptor entry, string? language, string? cause = null) =>
        (cause ?? entry.Cause) == entry.Cause ? Translations.Find(language, CauseKey(entry)) ?? entry.Cause : cause!;

    /// <summary>The entry's resolution in <paramref name="language"/>; <paramref name="resolution"/> as given when it is not the entry's own.</summary>
    public static string Resolution(ErrorDescriptor entry, string? language, string? resolution = null) =>
        (resolution ?? entry.Resolution) == entry.Resolution ? Translations.Find(language, ResolutionKey(entry)) ?? entry.Resolution : resolution!;

    public static string Key(ErrorDescriptor entry) => $"error.{entry.Id}";

    public static string CauseKey(ErrorDescriptor entry) => $"error.{entry.Id}.cause";

    public static string ResolutionKey(ErrorDescriptor entry) => $"error.{entry.Id}.resolution";
}
