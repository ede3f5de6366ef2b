// SPDX-License-Identifier: Apache-2.0
using System.Diagnostics.CodeAnalysis;
using Tessera.IntegrationTests.Fixtures;

/// <summary>
/// The startup hook .NET runs in a server process the tests start (<c>DOTNET_STARTUP_HOOKS</c> naming this assembly):
/// when the test run names a file, <see cref="EmittedIdsRecorder"/> appends what the process emits to it.
/// </summary>
[SuppressMessage("Design", "CA1050:Declare types in namespaces", Justification = ".NET finds a startup hook by the type name StartupHook without a namespace.")]
internal static class StartupHook
{
    public const string EnvironmentVariable = "DOTNET_STARTUP_HOOKS";

    /// <summary>This assembly's path, for <c>DOTNET_STARTUP_HOOKS</c>.</summary>
    public static string AssemblyPath => typeof(StartupHook).Assembly.Location;

    public static void Initialize()
    {
        if (EmittedIdsRecorder.FilePath is not null)
        {
            EmittedIdsRecorder.Start();
        }
    }
}
