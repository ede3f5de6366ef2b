// SPDX-License-Identifier: Apache-2.0
namespace Tessera.OperatorConsole;

/// <summary>
/// Endpoint metadata: a console page, answering only to a signed-in console browser (see <see cref="ConsoleSessions"/>);
/// every POST must also carry the session's CSRF token. The console route group adds it, so no page can go without.
/// </summary>
internal sealed class ConsoleSessionRequiredMetadata
{
    public static readonly ConsoleSessionRequiredMetadata Instance = new();

    private ConsoleSessionRequiredMetadata()
    {
    }
}
