// SPDX-License-Identifier: Apache-2.0
using System.Diagnostics;
using Npgsql;

namespace Tessera.IntegrationTests.Fixtures;

/// <summary>
/// A throwaway PostgreSQL cluster for the whole test run: <c>initdb</c> into a temporary folder, <c>pg_ctl start</c>
/// on a free loopback port (no Docker), stopped and deleted when the test process exits. initdb refuses to run as
/// root, so as root the cluster runs as the <c>postgres</c> user.
/// </summary>
public sealed class PostgresCluster
{
    private static readonly Lazy<Task<PostgresCluster>> Shared = new(StartAsync);

    private PostgresCluster(string binDirectory, string dataDirectory, int port)
    {
        BinDirectory = binDirectory;
        DataDirectory = dataDirectory;
        Port = port;
    }

    public string BinDirectory { get; }

    public string DataDirectory { get; }

    public int Port { get; }

    public static Task<PostgresCluster> GetAsync() => Shared.Value;

    /// <summary>A new empty database; its DSN in Tessera's form.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = $"t_{Guid.NewGuid():N}";
        await using var connection = new NpgsqlConnection($"Host=127.0.0.1;Port={Port};Username=postgres;Database=postgres;Pooling=false");
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
        await command.ExecuteNonQueryAsync();
        return $"postgres://postgres@127.0.0.1:{Port}/{name}?sslmode=disable";
    }

    private static async Task<PostgresCluster> StartAsync()
    {
        var bin = Directory.GetDirectories("/usr/lib/postgresql")
            .Select(d => Path.Combine(d, "bin"))
            .Where(d => File.Exists(Path.Combine(d, "initdb")))
            .OrderByDescending(d => d, StringComparer.Ordinal)
            .FirstOrDefault() ?? throw new InvalidOperationException("PostgreSQL server binaries (initdb) not found under /usr/lib/postgresql");
        var data = Path.Combine(Path.GetTempPath(), $"tessera-pg-{Guid.NewGuid():N}");
        Directory.CreateDirectory(data);
        if (Environment.UserName == "root")
        {
            await RunAsync("chown", ["postgres:postgres", data]);
        }

        await RunAsPostgresAsync(Path.Combine(bin, "initdb"), ["-D", data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-sync"]);
        for (var attempt = 0; ; attempt++)
        {
            var port = FreePort.Next();
            try
            {
                await RunAsPostgresAsync(Path.Combine(bin, "pg_ctl"),
                [
                    "-D", data, "-w", "-t", "60", "-l", Path.Combine(data, "server.log"), "start", "-o",
                    $"-p {port} -k {data} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300",
                ]);
                var cluster = new PostgresCluster(bin, data, port);
                AppDomain.CurrentDomain.ProcessExit += (_, _) => cluster.Stop();
                return cluster;
            }
            catch (InvalidOperationException) when (attempt < 3)
            {
                // Another process took the port between the probe and the start: try another one.
            }
        }
    }

    private void Stop()
    {
        try
        {
            RunAsPostgresAsync(Path.Combine(BinDirectory, "pg_ctl"), ["-D", DataDirectory, "-m", "immediate", "stop"]).GetAwaiter().GetResult();
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or UnauthorizedAccessException)
        {
            // The process is exiting; a leftover folder in /tmp is all that can remain.
        }
    }

    private static Task RunAsPostgresAsync(string program, IReadOnlyList<string> args) =>
        Environment.UserName == "root"
            ? RunAsync("runuser", ["-u", "postgres", "--", program, .. args])
            : RunAsync(program, args);

    private static async Task RunAsync(string program, IReadOnlyList<string> args)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', args)} exited {process.ExitCode}: {await stderr}{await stdout}");
        }
    }
}
