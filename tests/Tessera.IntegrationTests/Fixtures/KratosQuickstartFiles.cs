// SPDX-License-Identifier: Apache-2.0
namespace Tessera.IntegrationTests.Fixtures;

/// <summary>
/// Kratos's quickstart configuration (contrib/quickstart/kratos: email-password, phone-password, all-strategies),
/// carried unchanged in the repository under tests/Tessera.Tests/TestData/reference/kratos-quickstart.
/// </summary>
public static class KratosQuickstartFiles
{
    public static string Folder(string preset) => Path.Combine(Reference, "kratos-quickstart", preset);

    /// <summary>tests/Tessera.Tests/TestData/reference: Kratos's reference data carried in the repository.</summary>
    public static string Reference => Path.Combine(RepositoryRoot, "tests", "Tessera.Tests", "TestData", "reference");

    public static string RepositoryRoot
    {
        get
        {
            var root = new DirectoryInfo(AppContext.BaseDirectory);
            while (!File.Exists(Path.Combine(root.FullName, "Tessera.sln")))
            {
                root = root.Parent!;
            }

            return root.FullName;
        }
    }
}
