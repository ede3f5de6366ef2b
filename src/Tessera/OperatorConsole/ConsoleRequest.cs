// SPDX-License-Identifier: Apache-2.0
namespace Tessera.OperatorConsole;

/// <summary>The console session a request was admitted with (set by <see cref="ConsoleSessionMiddleware"/>).</summary>
internal static class ConsoleRequest
{
    private static readonly object SessionKey = new();

    public static void SetSession(HttpContext context, ConsoleSession session) => context.Items[SessionKey] = session;

    public static ConsoleSession? SessionOf(HttpContext context) => context.Items[SessionKey] as ConsoleSession;
}
