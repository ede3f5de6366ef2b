// SPDX-License-Identifier: Apache-2.0
using System.ComponentModel;
using System.Diagnostics;
using System.Text;
using Tessera.IntegrationTests.Fixtures;

namespace Tessera.IntegrationTests.OAuth2.RelyingParty;

/// <summary>
/// The relying party of tests/oidc-rp (openid-client, a certified OpenID Connect RP) run by node on its own loopback
/// port, configured with Tessera as its issuer and one client. Its dependencies are installed from its own
/// package-lock.json (test.sh runs <c>npm ci</c> there before the .NET tests); a missing node or a missing install fails
/// the test with what to do, never skips it.
/// </summary>
public sealed class OidcRelyingPartyApp : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly TaskCompletionSource _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private OidcRelyingPartyApp(Process process, int port)
    {
        _process = process;
        Port = port;
        process.OutputDataReceived += (_, e) => Record(e.Data, listening: e.Data?.StartsWith("listening on ", StringComparison.Ordinal) == true);
        process.ErrorDataReceived += (_, e) => Record(e.Data, listening: false);
        process.Exited += (_, _) => _listening.TrySetException(new InvalidOperationException($"the relying party exited with {process.ExitCode}: {Output}"));
        process.EnableRaisingEvents = true;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public static string Directory { get; } = Path.Combine(RepositoryPaths.Root, "tests", "oidc-rp");

    public int Port { get; }

    /// <summary>The redirect URI the RP sends to the authorization endpoint; register it on the client.</summary>
    public static string CallbackFor(int port) => $"http://127.0.0.1:{port}/callback";

    /// <summary>What the RP wrote to stdout and stderr so far (for failure messages).</summary>
    public string Output { get { lock (_output) { return _output.ToString(); } } }

    /// <summary>A URL on the RP: <c>/start</c> begins the authorization request.</summary>
    public string Url(string path) => $"http://127.0.0.1:{Port}{path}";

    public static async Task<OidcRelyingPartyApp> StartAsync(int port, Uri issuer, string clientId, string clientSecret, Uri introspectionEndpoint)
    {
        if (!File.Exists(Path.Combine(Directory, "node_modules", "openid-client", "package.json")))
        {
            throw new InvalidOperationException($"openid-client is not installed in {Directory}: run npm ci there (test.sh does this).");
        }

        var start = new ProcessStartInfo("node")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Directory,
        };
        start.ArgumentList.Add("rp.js");
        start.Environment["RP_PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["ISSUER"] = issuer.AbsoluteUri;
        start.Environment["CLIENT_ID"] = clientId;
        start.Environment["CLIENT_SECRET"] = clientSecret;
        start.Environment["INTROSPECTION_ENDPOINT"] = introspectionEndpoint.AbsoluteUri;

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("node did not start.");
        }
        catch (Win32Exception e)
        {
            throw new InvalidOperationException("node is not installed (or not on PATH): the openid-client relying party cannot run.", e);
        }

        var app = new OidcRelyingPartyApp(process, port);
        try
        {
            await app._listening.Task.WaitAsync(TimeSpan.FromSeconds(30));
        }
        catch (TimeoutException)
        {
            await app.DisposeAsync();
            throw new InvalidOperationException($"the relying party did not start listening within 30 s: {app.Output}");
        }

        return app;
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

    private void Record(string? line, bool listening)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }

        if (listening)
        {
            _listening.TrySetResult();
        }
    }
}
