// SPDX-License-Identifier: Apache-2.0
using System.Diagnostics;
using System.Net.Http.Json;

namespace Tessera.IntegrationTests.Fixtures;

/// <summary>
/// A real OpenID provider: npm <c>oidc-provider</c> (tests/oidc-provider/server.js, installed by test.sh) on a free
/// loopback port, for as long as the fixture lives. <see cref="ControlAsync"/> sets the knobs that make it misbehave
/// (see server.js). A machine without node fails loudly here rather than skipping the tests.
/// </summary>
public sealed class OidcProviderProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly HttpClient _control;

    private OidcProviderProcess(Process process, Uri issuer)
    {
        _process = process;
        Issuer = issuer;
        _control = new HttpClient { BaseAddress = issuer };
    }

    public Uri Issuer { get; }

    public static async Task<OidcProviderProcess> StartAsync()
    {
        var folder = Path.Combine(KratosQuickstartFiles.RepositoryRoot, "tests", "oidc-provider");
        if (!Directory.Exists(Path.Combine(folder, "node_modules", "oidc-provider")))
        {
            throw new InvalidOperationException($"{folder}/node_modules is missing: run `npm ci` there first (test.sh does this).");
        }

        var port = FreePort.Next();
        var start = new ProcessStartInfo("node", ["server.js", port.ToString(System.Globalization.CultureInfo.InvariantCulture)])
        {
            WorkingDirectory = folder,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException("node is not installed: the social sign-in tests need it for their OpenID provider (tests/oidc-provider)", e);
        }

        process.ErrorDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line.StartsWith("listening ", StringComparison.Ordinal))
            {
                return new OidcProviderProcess(process, new Uri(line["listening ".Length..]));
            }
        }

        throw new InvalidOperationException($"the OpenID provider fixture exited with {process.ExitCode} before listening");
    }

    /// <summary>Merges <paramref name="knobs"/> into the provider's behaviour (user, redirect_uris, authorize_error, token, id_token).</summary>
    public async Task ControlAsync(object knobs)
    {
        using var response = await _control.PostAsJsonAsync("/_control", knobs);
        response.EnsureSuccessStatusCode();
    }

    public async Task ResetAsync(Uri redirectUri)
    {
        using var response = await _control.PostAsync("/_control/reset", null);
        response.EnsureSuccessStatusCode();
        await ControlAsync(new { redirect_uris = new[] { redirectUri.AbsoluteUri } });
    }

    public async ValueTask DisposeAsync()
    {
        _control.Dispose();
        _process.StandardInput.Close();
        if (!_process.WaitForExit(5000))
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
        _process.Dispose();
    }
}
