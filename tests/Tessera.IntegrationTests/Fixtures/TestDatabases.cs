// SPDX-License-Identifier: Apache-2.0
namespace Tessera.IntegrationTests.Fixtures;

/// <summary>A fresh, empty database of either kind, as a Tessera DSN.</summary>
public static class TestDatabases
{
    public static async Task<string> CreateAsync(DatabaseKind kind)
    {
        if (kind == DatabaseKind.Postgres)
        {
            return await (await PostgresCluster.GetAsync()).CreateDatabaseAsync();
        }

        var folder = Path.Combine(Path.GetTempPath(), "tessera-tests");
        Directory.CreateDirectory(folder);
        return $"sqlite://{Path.Combine(folder, $"{Guid.NewGuid():N}.db")}";
    }
}
