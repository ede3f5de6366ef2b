// SPDX-License-Identifier: Apache-2.0
namespace Tessera.Configuration;

/// <summary>
/// Where a template a project's overlay sets may come from: inline only (<c>base64://</c>). A <c>file://</c> URL or a
/// path would let a tenant read the server's files (a web hook body or an e-mail renders them back to the tenant).
/// The operator's file keeps every form; an overlay that repeats the file's own value is the file's (see
/// <see cref="ConfigurationTree.SetByOverlay"/>).
/// </summary>
internal static class TemplateLocation
{
    public const string Base64Scheme = "base64://";

    /// <summary><paramref name="location"/> when it is inline, else a <see cref="ConfigurationException"/> naming <paramref name="key"/>.</summary>
    public static string Inline(string location, string key) =>
        location.StartsWith(Base64Scheme, StringComparison.Ordinal)
            ? location
            : throw new ConfigurationException(key, "a project's overlay takes templates inline (base64://...) only: file:// and paths would read the server's files");
}
