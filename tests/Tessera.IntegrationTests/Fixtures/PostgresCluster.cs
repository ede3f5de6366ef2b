// SPDX-License-Identifier: Apache-2.0
using System.Diagnostics;
using Npgsql;

namespace Tessera.IntegrationTests.Fixtures;

/// <summary>
/// A throwaway PostgreSQL cluster: <c>initdb</c> into <c>/tmp/tessera-pg-*/data</c>, <c>pg_ctl start</c> on a free
/// loopback port (no Docker). One is shared by the whole test run (<see cref="GetAsync"/>); fault tests that stop
/// or freeze their database start their own (<see cref="StartNewAsync"/>) and dispose it. initdb refuses to run as
/// root, so as root the cluster runs as the <c>postgres</c> user.
/// <para>
/// No cluster outlives the test host, whatever ends it: disposal stops it; the shared one stops at ProcessExit;
/// and a watchdog (a detached shell started with the cluster) waits for the owning process to die, then stops the
/// cluster and removes its folder, for when the test host is killed and nothing of it runs. The folder holds a
/// <see cref="MarkerFile"/> naming the owner's PID, by which test.sh recognises clusters a killed run left behind.
/// </para>
/// </summary>
public sealed class PostgresCluster : IAsyncDisposable
{
    public const string MarkerFile = "tessera-test-cluster";

    private static readonly Lazy<Task<PostgresCluster>> Shared = new(async () =>
    {
        var cluster = await StartNewAsync();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => cluster.StopAndRemove();
        return cluster;
    });

    private readonly Process _watchdog;
    private int _removed;

    private PostgresCluster(string binDirectory, string folder, int port, Process watchdog)
    {
        BinDirectory = binDirectory;
        Folder = folder;
        Port = port;
        _watchdog = watchdog;
    }

    public string BinDirectory { get; }

    /// <summary>The cluster's folder in /tmp: the marker file and <see cref="DataDirectory"/>.</summary>
    public string Folder { get; }

    public string DataDirectory => Path.Combine(Folder, "data");

    public int Port { get; }

    public static Task<PostgresCluster> GetAsync() => Shared.Value;

    /// <summary>A cluster of the caller's own; <paramref name="ownerPid"/> (default: this process) is the one whose death the watchdog waits for.</summary>
    public static async Task<PostgresCluster> StartNewAsync(int? ownerPid = null)
    {
        var bin = Directory.GetDirectories("/usr/lib/postgresql")
            .Select(d => Path.Combine(d, "bin"))
            .Where(d => File.Exists(Path.Combine(d, "initdb")))
            .OrderByDescending(d => d, StringComparer.Ordinal)
            .FirstOrDefault() ?? throw new InvalidOperationException("PostgreSQL server binaries (initdb) not found under /usr/lib/postgresql");
        var owner = ownerPid ?? Environment.ProcessId;
        var folder = Path.Combine(Path.GetTempPath(), $"tessera-pg-{Guid.NewGuid():N}");
        var data = Path.Combine(folder, "data");
        Directory.CreateDirectory(data);
        await File.WriteAllTextAsync(Path.Combine(folder, MarkerFile), $"{owner}\n");
        if (Environment.UserName == "root")
        {
            await RunAsync("chown", ["-R", "postgres:postgres", folder]);
        }

        var watchdog = StartWatchdog(bin, folder, owner);
        try
        {
            await RunAsPostgresAsync(Path.Combine(bin, "initdb"), ["-D", data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-sync"]);
            for (var attempt = 0; ; attempt++)
            {
                var port = FreePort.Next();
                try
                {
                    var cluster = new PostgresCluster(bin, folder, port, watchdog);
                    await cluster.StartAsync();
                    return cluster;
                }
                catch (InvalidOperationException) when (attempt < 3)
                {
                    // Another process took the port between the probe and the start: try another one.
                }
            }
        }
        catch
        {
            watchdog.Kill();
            watchdog.Dispose();
            throw;
        }
    }

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

    /// <summary>(Re)starts the server on its port.</summary>
    public Task StartAsync() => RunAsPostgresAsync(Path.Combine(BinDirectory, "pg_ctl"),
    [
        "-D", DataDirectory, "-w", "-t", "60", "-l", Path.Combine(Folder, "server.log"), "start", "-o",
        $"-p {Port} -k {DataDirectory} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300",
    ]);

    /// <summary>Stops the server as an operator would (<c>pg_ctl stop -m fast</c>): connections are closed, commits kept.</summary>
    public Task StopAsync() => RunAsPostgresAsync(Path.Combine(BinDirectory, "pg_ctl"), ["-D", DataDirectory, "-m", "fast", "-w", "stop"]);

    /// <summary>The postmaster and every process it started (from <c>postmaster.pid</c> and /proc).</summary>
    public IReadOnlyList<int> ServerProcessIds()
    {
        var pidFile = Path.Combine(DataDirectory, "postmaster.pid");
        if (!File.Exists(pidFile) || !int.TryParse(File.ReadLines(pidFile).First(), out var postmaster))
        {
            return [];
        }

        var children = Directory.GetDirectories("/proc")
            .Select(d => int.TryParse(Path.GetFileName(d), out var pid) ? pid : -1)
            .Where(pid => pid > 0 && ParentOf(pid) == postmaster);
        return [postmaster, .. children];
    }

    /// <summary>Sends <paramref name="signal"/> (STOP, CONT) to the server's processes: STOP freezes it as a hung host would.</summary>
    public async Task SignalAsync(string signal)
    {
        var pids = ServerProcessIds();
        if (pids.Count > 0)
        {
            // kill exits 1 when one of them ended meanwhile; the others were signalled all the same.
            await RunAsync("kill", ["-s", signal, .. pids.Select(p => p.ToString(System.Globalization.CultureInfo.InvariantCulture))], allowFailure: true);
        }
    }

    /// <summary>Whether any PostgreSQL process still runs for this cluster's data directory (<c>-D</c> on its command line).</summary>
    public bool HasRunningProcesses() => Directory.GetDirectories("/proc")
        .Select(d => Path.Combine(d, "cmdline"))
        .Any(file =>
        {
            try
            {
                return File.ReadAllText(file).Replace('\0', ' ').Contains($"-D {DataDirectory} ", StringComparison.Ordinal);
            }
            catch (IOException)
            {
                return false; // The process ended while we looked.
            }
            catch (UnauthorizedAccessException)
            {
                return false;
            }
        });

    public ValueTask DisposeAsync()
    {
        StopAndRemove();
        return ValueTask.CompletedTask;
    }

    private void StopAndRemove()
    {
        if (Interlocked.Exchange(ref _removed, 1) == 1)
        {
            return;
        }

        // A frozen server would ignore the stop: thaw first (a no-op otherwise).
        SignalAsync("CONT").GetAwaiter().GetResult();
        try
        {
            RunAsPostgresAsync(Path.Combine(BinDirectory, "pg_ctl"), ["-D", DataDirectory, "-m", "immediate", "-w", "stop"]).GetAwaiter().GetResult();
        }
        catch (InvalidOperationException)
        {
            // Not running (already stopped), or pg_ctl failed: the postmaster's own SIGQUIT is an immediate stop.
            SignalAsync("QUIT").GetAwaiter().GetResult();
        }

        if (HasRunningProcesses())
        {
            return; // The watchdog stops it and removes the folder once this process is gone.
        }

        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return; // Left to the watchdog too.
        }

        try
        {
            _watchdog.Kill();
        }
        catch (InvalidOperationException)
        {
            // It has ended.
        }

        _watchdog.Dispose();
    }

    /// <summary>
    /// A shell in its own session (so it outlives a killed test host) that polls the owner every second and, once it
    /// is gone, stops the cluster and removes its folder.
    /// </summary>
    private static Process StartWatchdog(string bin, string folder, int owner)
    {
        var asPostgres = Environment.UserName == "root" ? "runuser -u postgres -- " : string.Empty;
        var script = $"""
            exec >/dev/null 2>&1 </dev/null
            while kill -0 {owner}; do sleep 1; done
            {asPostgres}'{bin}/pg_ctl' -D '{folder}/data' -m immediate -w stop
            rm -rf '{folder}'
            """;
        var start = new ProcessStartInfo("setsid") { UseShellExecute = false };
        foreach (var arg in new[] { "sh", "-c", script })
        {
            start.ArgumentList.Add(arg);
        }

        return Process.Start(start)!;
    }

    private static int ParentOf(int pid)
    {
        try
        {
            // /proc/<pid>/stat: "pid (comm) state ppid ..."; comm may hold spaces, so read after the last ')'.
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return int.Parse(fields[1], System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
        {
            return -1;
        }
    }

    private static Task RunAsPostgresAsync(string program, IReadOnlyList<string> args) =>
        Environment.UserName == "root"
            ? RunAsync("runuser", ["-u", "postgres", "--", program, .. args])
            : RunAsync(program, args);

    private static async Task RunAsync(string program, IReadOnlyList<string> args, bool allowFailure = false)
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
        if (process.ExitCode != 0 && !allowFailure)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', args)} exited {process.ExitCode}: {await stderr}{await stdout}");
        }
    }
}
