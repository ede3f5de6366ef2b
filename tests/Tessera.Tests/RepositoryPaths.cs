// SPDX-License-Identifier: Apache-2.0
namespace Tessera.Tests;

/// <summary>Where the repository is, found from the test binary's location, and the test data copied beside the binaries.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Source => Path.Combine(Root, "src", "Tessera");

    /// <summary>Kratos's reference data the tests compare against, carried in the repository (TestData/reference).</summary>
    public static string Reference => Path.Combine(AppContext.BaseDirectory, "TestData", "reference");

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
