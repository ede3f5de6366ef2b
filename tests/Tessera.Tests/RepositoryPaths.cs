// SPDX-License-Identifier: Apache-2.0
namespace Tessera.Tests;

/// <summary>Where the repository (and the shared/ folder beside it) is, found from the test binary's location.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Source => Path.Combine(Root, "src", "Tessera");

    public static string Shared => Path.Combine(Path.GetDirectoryName(Root)!, "shared");

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Tessera.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Tessera.sln not found above the test binaries.");
    }
}
