// SPDX-License-Identifier: Apache-2.0
namespace Tessera.IntegrationTests.Fixtures;

/// <summary>
/// Kratos's quickstart configuration (contrib/quickstart/kratos: email-password, phone-password, all-strategies),
/// carried unchanged in the repository under tests/Tessera.Tests/TestData/reference/kratos-quickstart.
/// </summary>
public static class KratosQuickstartFiles
{
    public static string Folder(string preset)
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(root.FullName, "Tessera.sln")))
        {
            root = root.Parent!;
        }

        return Path.Combine(root.FullName, "tests", "Tessera.Tests", "TestData", "reference", "kratos-quickstart", preset);
    }
}
