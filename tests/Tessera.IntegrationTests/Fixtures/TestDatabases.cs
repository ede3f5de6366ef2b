// SPDX-License-Identifier: Apache-2.0
namespace Tessera.IntegrationTests.Fixtures;

/// <summary>
/// A fresh, empty database of either kind, as a Tessera DSN. SQLite files go to a folder of this test run's own,
/// <c>/tmp/tessera-tests/&lt;pid&gt;</c>, removed when the test host exits; test.sh removes the folders of runs
/// that were killed (their PID no longer runs).
/// </summary>
public static class TestDatabases
{
    private static readonly Lazy<string> SqliteFolder = new(() =>
    {
        var folder = Path.Combine(Path.GetTempPath(), "tessera-tests", Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Directory.CreateDirectory(folder);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => RemoveFolder(folder);
        return folder;
    });

    public static async Task<string> CreateAsync(DatabaseKind kind)
    {
        if (kind == DatabaseKind.Postgres)
        {
            return await (await PostgresCluster.GetAsync()).CreateDatabaseAsync();
        }

        return $"sqlite://{Path.Combine(SqliteFolder.Value, $"{Guid.NewGuid():N}.db")}";
    }

    private static void RemoveFolder(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A file still open: test.sh removes the folder once this PID is gone.
        }
    }
}
