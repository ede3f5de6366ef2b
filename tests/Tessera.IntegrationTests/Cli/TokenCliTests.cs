// SPDX-License-Identifier: Apache-2.0
using Tessera.IntegrationTests.Fixtures;

namespace Tessera.IntegrationTests.Cli;

/// <summary><c>tessera token client</c>, run as a script runs it.</summary>
public sealed class TokenCliTests
{
    [Fact]
    public async Task TokenClient_ServerDown_Exits1WithOneLineNamingTheEndpoint()
    {
        var endpoint = $"http://127.0.0.1:{FreePort.Next()}";

        var (exit, stdout, stderr) = await TesseraProcess.RunAsync(["token", "client", "--client-id", "c", "--client-secret", "s", "--endpoint", endpoint]);

        exit.ShouldBe(1);
        stdout.Trim().ShouldBeEmpty();
        stderr.Trim().Split('\n').ShouldHaveSingleItem().ShouldStartWith($"tessera: cannot reach {endpoint}/oauth2/token");
    }

    [Fact]
    public async Task TokenClient_UnknownAuthMethod_Exits1()
    {
        var (exit, _, stderr) = await TesseraProcess.RunAsync(["token", "client", "--client-id", "c", "--auth-method", "private_key_jwt", "--endpoint", "http://127.0.0.1:9"]);

        exit.ShouldBe(1);
        stderr.ShouldContain("--auth-method");
    }

    [Fact]
    public async Task TokenClient_WithoutClientId_IsAUsageError()
    {
        var (exit, _, stderr) = await TesseraProcess.RunAsync(["token", "client"]);

        exit.ShouldBe(2);
        stderr.ShouldContain("--client-id");
    }
}
