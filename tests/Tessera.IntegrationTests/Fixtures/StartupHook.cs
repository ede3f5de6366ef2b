// SPDX-License-Identifier: Apache-2.0
using System.Diagnostics.CodeAnalysis;

/// <summary>The startup hook .NET runs in a server process the tests start: <see cref="Tessera.IntegrationTests.Fixtures.EmittedIdsHook"/>.</summary>
[SuppressMessage("Design", "CA1050:Declare types in namespaces", Justification = ".NET finds a startup hook by the type name StartupHook without a namespace.")]
internal static class StartupHook
{
    public static void Initialize() => Tessera.IntegrationTests.Fixtures.EmittedIdsHook.Start();
}
