// SPDX-License-Identifier: Apache-2.0
using System.Diagnostics;
using System.Text;

namespace Tessera.IntegrationTests.Fixtures;

/// <summary>
/// The built <c>tessera</c> program run as a separate process, as a user runs it: for the CLI's exit codes and
/// messages, and for <c>serve</c> started from the command line. Every run is bounded in time.
/// </summary>
public sealed class TesseraProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _stdout = new();
    private readonly StringBuilder _stderr = new();

    private TesseraProcess(Process process)
    {
        _process = process;
        process.OutputDataReceived += (_, e) => { lock (_stdout) { _stdout.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (_stderr) { _stderr.AppendLine(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    /// <summary>
    /// What every run starts with (a test's environment may override): the machine has no internet, so the
    /// haveibeenpwned check is off and domain verification asks a loopback port, not the system's resolvers.
    /// </summary>
    public static IReadOnlyDictionary<string, string> OfflineEnvironment { get; } = new Dictionary<string, string>
    {
        ["SELFSERVICE_METHODS_PASSWORD_CONFIG_HAVEIBEENPWNED_ENABLED"] = "false",
        ["PROJECTS_DOMAINS_VERIFICATION_NAMESERVERS"] = "127.0.0.1:9",
        ["PROJECTS_DOMAINS_VERIFICATION_TIMEOUT"] = "1s",
    };

    public int Id => _process.Id;

    public string StandardOutput { get { lock (_stdout) { return _stdout.ToString(); } } }

    public string StandardError { get { lock (_stderr) { return _stderr.ToString(); } } }

    public static TesseraProcess Start(IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment = null, string? workingDirectory = null)
    {
        var dll = typeof(Program).Assembly.Location;
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Path.GetTempPath(),
        };
        start.ArgumentList.Add("exec");
        start.ArgumentList.Add("--runtimeconfig");
        start.ArgumentList.Add(Path.ChangeExtension(dll, ".runtimeconfig.json"));
        start.ArgumentList.Add(dll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        // Whatever the test machine has set must not leak into the server under test.
        foreach (var key in start.Environment.Keys.Where(k => k is "DSN" || k.StartsWith("SERVE_", StringComparison.Ordinal)
                     || k.StartsWith("SELFSERVICE_", StringComparison.Ordinal) || k.StartsWith("LOG_", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(key);
        }

        foreach (var (key, value) in OfflineEnvironment.Concat(environment ?? new Dictionary<string, string>()))
        {
            start.Environment[key] = value;
        }

        // The test run's catalog-alive record (test.sh sets TESSERA_EMITTED_IDS, which the process inherits): this
        // project's startup hook (StartupHook, EmittedIdsRecorder) appends what the process emits to the same file as the in-process servers.
        if (EmittedIdsRecorder.FilePath is not null)
        {
            start.Environment[StartupHook.EnvironmentVariable] = StartupHook.AssemblyPath;
        }

        var process = Process.Start(start)!;
        process.StandardInput.Close();
        return new TesseraProcess(process);
    }

    /// <summary>Runs to completion (at most <paramref name="timeout"/>, default 60 s) and returns the exit code.</summary>
    public static async Task<(int ExitCode, string StandardOutput, string StandardError)> RunAsync(
        IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment = null, string? workingDirectory = null, TimeSpan? timeout = null)
    {
        await using var process = Start(args, environment, workingDirectory);
        var exit = await process.WaitForExitAsync(timeout ?? TimeSpan.FromSeconds(60));
        return (exit, process.StandardOutput, process.StandardError);
    }

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cts.Token);
        _process.WaitForExit(); // Drains the asynchronous output readers.
        return _process.ExitCode;
    }

    /// <summary>Sends a signal by name (<c>TERM</c>, <c>KILL</c>) to the server process, as an operator or orchestrator would.</summary>
    public async Task SignalAsync(string signal)
    {
        using var kill = Process.Start("kill", ["-s", signal, _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        await kill.WaitForExitAsync();
    }

    /// <summary>Ends the server at once with SIGKILL (a crashed or evicted node) and waits until it is gone.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    /// <summary>Polls <paramref name="url"/> until it answers 200, the process exits, or the time is up.</summary>
    public async Task<bool> WaitUntilReadyAsync(Uri url, TimeSpan timeout)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTimeOffset.UtcNow + timeout;
        while (DateTimeOffset.UtcNow < deadline && !_process.HasExited)
        {
            try
            {
                using var response = await client.GetAsync(url);
                if (response.IsSuccessStatusCode)
                {
                    return true;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Not answering yet.
            }

            await Task.Delay(100);
        }

        return false;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }
}
