// SPDX-License-Identifier: Apache-2.0
using Tessera.Errors;

namespace Tessera.Localization;

/// <summary>
/// A catalog error's message (<c>error.message</c>) for a person, in their language (<c>error.&lt;id&gt;</c> of the
/// catalogs). Only the catalog's own message is translated: a message written otherwise stays as it was written.
/// </summary>
internal static class ErrorMessages
{
    public static string In(string id, string message, string? language) =>
        ErrorCatalog.Find(id) is { } entry && entry.Message == message ? Translations.Find(language, Key(entry)) ?? message : message;

    public static string Key(ErrorDescriptor entry) => $"error.{entry.Id}";
}
