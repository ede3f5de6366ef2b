// SPDX-License-Identifier: Apache-2.0
using Tessera.Ui.Texts;

namespace Tessera.OperatorConsole;

/// <summary>
/// The console's navigation, in one place: each section's path and name. A page names its section and
/// <see cref="ConsolePage"/> draws the bar, so adding a page (the error dashboard at <c>/console/errors</c>) means
/// adding a row here, nothing more.
/// </summary>
internal sealed record ConsoleSection(string Path, PageText Name)
{
    public static readonly ConsoleSection Home = new("/console", PageTexts.Console);
    public static readonly ConsoleSection Identities = new("/console/identities", PageTexts.ConsoleIdentities);
    public static readonly ConsoleSection Sessions = new("/console/sessions", PageTexts.ConsoleSessions);
    public static readonly ConsoleSection Courier = new("/console/courier", PageTexts.ConsoleCourier);
    public static readonly ConsoleSection Hooks = new("/console/hooks", PageTexts.ConsoleHooks);
    public static readonly ConsoleSection Errors = new("/console/errors", PageTexts.ConsoleErrors);

    /// <summary>The bar, in order.</summary>
    public static readonly IReadOnlyList<ConsoleSection> Navigation = [Home, Identities, Sessions, Courier, Hooks, Errors];
}
