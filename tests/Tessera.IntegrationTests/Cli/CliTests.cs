// SPDX-License-Identifier: Apache-2.0
using Tessera.IntegrationTests.Fixtures;

namespace Tessera.IntegrationTests.Cli;

/// <summary>The built program, run as a user runs it.</summary>
public sealed class CliTests
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Serve_WithZeroConfiguration_CreatesTesseraDbAndBothListenersAreReady()
    {
        var folder = Directory.CreateTempSubdirectory("tessera-cli-").FullName;
        int publicPort = FreePort.Next(), adminPort = FreePort.Next();
        await using var server = TesseraProcess.Start(["serve"], Ports(publicPort, adminPort), folder);

        (await server.WaitUntilReadyAsync(new Uri($"http://127.0.0.1:{publicPort}/health/ready"), StartTimeout)).ShouldBeTrue(server.StandardError + server.StandardOutput);
        (await server.WaitUntilReadyAsync(new Uri($"http://127.0.0.1:{adminPort}/health/ready"), StartTimeout)).ShouldBeTrue();
        File.Exists(Path.Combine(folder, "tessera.db")).ShouldBeTrue();
    }

    [Fact]
    public async Task Serve_WithPortFromEnvironment_ListensThere()
    {
        int publicPort = FreePort.Next(), adminPort = FreePort.Next();
        var dsn = await TestDatabases.CreateAsync(DatabaseKind.Sqlite);
        await using var server = TesseraProcess.Start(["serve"], new Dictionary<string, string>(Ports(publicPort, adminPort)) { ["DSN"] = dsn });

        (await server.WaitUntilReadyAsync(new Uri($"http://127.0.0.1:{publicPort}/health/alive"), StartTimeout)).ShouldBeTrue(server.StandardError);
    }

    [Fact]
    public async Task Serve_WithNonNumericPortInYaml_ExitsWith1AndOneLineNamingTheKey()
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("tessera-cli-").FullName, "tessera.yml");
        await File.WriteAllTextAsync(file, "serve:\n  public:\n    port: \"abc\"\n");

        var (exit, _, stderr) = await TesseraProcess.RunAsync(["serve", "--config", file]);

        exit.ShouldBe(1);
        var lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Length.ShouldBe(1, stderr);
        lines[0].ShouldContain("serve.public.port");
    }

    [Fact]
    public async Task Serve_WithInvalidDurationFromEnvironment_ExitsWith1NamingTheKey()
    {
        var (exit, _, stderr) = await TesseraProcess.RunAsync(["serve"], new Dictionary<string, string> { ["DSN"] = "mysql://nope" });

        exit.ShouldBe(1);
        stderr.Trim().Split('\n').Length.ShouldBe(1, stderr);
        stderr.ShouldContain("dsn");
    }

    [Theory]
    [InlineData("serve", "--no-such-flag")]
    [InlineData("no-such-command")]
    [InlineData("migrate", "sql", "a", "b")]
    public async Task Cli_WithBadArguments_ExitsWith2AndOneLine(params string[] args)
    {
        var (exit, _, stderr) = await TesseraProcess.RunAsync(args);

        exit.ShouldBe(2);
        stderr.Trim().Split('\n').Length.ShouldBe(1, stderr);
        stderr.ShouldNotContain("   at ");
    }

    [Fact]
    public async Task Version_PrintsTheVersion()
    {
        var (exit, stdout, _) = await TesseraProcess.RunAsync(["version"]);

        exit.ShouldBe(0);
        stdout.Trim().ShouldMatch(@"^\d+\.\d+\.\d+");
    }

    [Fact]
    public async Task VersionOption_PrintsWhatVersionPrints()
    {
        var verb = await TesseraProcess.RunAsync(["version"]);
        var option = await TesseraProcess.RunAsync(["--version"]);

        option.ExitCode.ShouldBe(0);
        option.StandardOutput.ShouldBe(verb.StandardOutput);
    }

    [Fact]
    public async Task UnknownCommand_ExitsWith2_AndListsTheCommandsOnOneLine()
    {
        var (exit, _, stderr) = await TesseraProcess.RunAsync(["srve"]);

        exit.ShouldBe(2);
        stderr.Trim().Split('\n').Length.ShouldBe(1, stderr);
        stderr.ShouldContain("\"srve\"");
        foreach (var command in new[] { "serve", "migrate", "identities", "cleanup", "errors", "version" })
        {
            stderr.ShouldContain(command);
        }
    }

    [Fact]
    public async Task Serve_WithThePublicPortInUse_ExitsWith1AndOneLineNamingTheKey()
    {
        using var taken = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        taken.Start();
        var publicPort = ((System.Net.IPEndPoint)taken.LocalEndpoint).Port;
        var dsn = await TestDatabases.CreateAsync(DatabaseKind.Sqlite);

        var (exit, stdout, stderr) = await TesseraProcess.RunAsync(["serve"], new Dictionary<string, string>(Ports(publicPort, FreePort.Next())) { ["DSN"] = dsn });

        exit.ShouldBe(1);
        stderr.Trim().Split('\n').Length.ShouldBe(1, stderr);
        stderr.ShouldContain("serve.public.port");
        stderr.ShouldContain(publicPort.ToString(System.Globalization.CultureInfo.InvariantCulture));
        (stdout + stderr).ShouldNotContain("   at ");
        (stdout + stderr).ShouldNotContain("crit");
    }

    [Fact]
    public async Task Serve_WithAMissingSchemaFile_ExitsWith1AndOneLineNamingTheKeyAndPath()
    {
        var folder = Directory.CreateTempSubdirectory("tessera-cli-").FullName;
        var missing = Path.Combine(folder, "no-such.schema.json");
        var file = Path.Combine(folder, "tessera.yml");
        await File.WriteAllTextAsync(file, $"identity:\n  default_schema_id: default\n  schemas:\n    - id: default\n      url: file://{missing}\n");
        var dsn = await TestDatabases.CreateAsync(DatabaseKind.Sqlite);

        var (exit, stdout, stderr) = await TesseraProcess.RunAsync(["serve", "--config", file], new Dictionary<string, string>(Ports(FreePort.Next(), FreePort.Next())) { ["DSN"] = dsn });

        exit.ShouldBe(1);
        stderr.Trim().Split('\n').Length.ShouldBe(1, stderr);
        stderr.ShouldContain("identity.schemas");
        stderr.ShouldContain(missing);
        stderr.ShouldContain("IDENTITY_SCHEMAS");
        (stdout + stderr).ShouldNotContain("   at ", customMessage: stdout + stderr);
        (stdout + stderr).ShouldNotContain("crit", customMessage: stdout + stderr);
    }

    [Fact]
    public async Task Serve_KratosQuickstartWithoutItsSchemaMount_ExitsWith1AndOneLineWithKeyFileAndFix()
    {
        // Kratos's quickstart (log.level: debug) names /etc/config/kratos/identity.schema.json, its container mount.
        var file = Path.Combine(KratosQuickstartFiles.Folder("email-password"), "kratos.yml");
        var dsn = await TestDatabases.CreateAsync(DatabaseKind.Sqlite);

        var (exit, stdout, stderr) = await TesseraProcess.RunAsync(["serve", "--config", file], new Dictionary<string, string>(Ports(FreePort.Next(), FreePort.Next())) { ["DSN"] = dsn });

        exit.ShouldBe(1);
        var line = stderr.Trim().Split('\n').ShouldHaveSingleItem();
        line.ShouldContain("identity.schemas");
        line.ShouldContain("/etc/config/kratos/identity.schema.json");
        line.ShouldContain("IDENTITY_SCHEMAS");
        (stdout + stderr).ShouldNotContain("   at ", customMessage: stdout + stderr);
        (stdout + stderr).ShouldNotContain("Exception", customMessage: stdout + stderr);
        stdout.ShouldNotContain("fail:", customMessage: stdout);
        stdout.ShouldNotContain("crit:", customMessage: stdout);
    }

    [Fact]
    public async Task Postgres_MigrateThenServe_IsReady_AndServeRefusesAnUnmigratedDatabase()
    {
        var dsn = await TestDatabases.CreateAsync(DatabaseKind.Postgres);
        int publicPort = FreePort.Next(), adminPort = FreePort.Next();
        var environment = new Dictionary<string, string>(Ports(publicPort, adminPort)) { ["DSN"] = dsn };

        var refused = await TesseraProcess.RunAsync(["serve"], environment);
        refused.ExitCode.ShouldBe(1);
        refused.StandardError.ShouldContain("migrate sql");

        var migrated = await TesseraProcess.RunAsync(["migrate", "sql", "-e", "--yes"], environment);
        migrated.ExitCode.ShouldBe(0, migrated.StandardError);
        migrated.StandardOutput.ShouldContain("Applied");

        await using var server = TesseraProcess.Start(["serve"], environment);
        (await server.WaitUntilReadyAsync(new Uri($"http://127.0.0.1:{adminPort}/health/ready"), StartTimeout)).ShouldBeTrue(server.StandardError);
    }

    [Fact]
    public async Task MigrateSql_WithoutYesAndNoInput_RefusesWith1()
    {
        var dsn = await TestDatabases.CreateAsync(DatabaseKind.Sqlite);

        var (exit, _, stderr) = await TesseraProcess.RunAsync(["migrate", "sql", dsn]);

        exit.ShouldBe(1);
        stderr.ShouldContain("--yes");
    }

    [Fact]
    public async Task Errors_PrintsTheCommittedErrorReference()
    {
        var (exit, stdout, _) = await TesseraProcess.RunAsync(["errors"]);

        exit.ShouldBe(0);
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(root.FullName, "Tessera.sln")))
        {
            root = root.Parent!;
        }

        // The process wrapper collects output line by line: compare the text, not the final newlines.
        stdout.TrimEnd().ShouldBe((await File.ReadAllTextAsync(Path.Combine(root.FullName, "docs", "errors.md"))).TrimEnd());
    }

    [Fact]
    public async Task Cleanup_OnAMigratedDatabase_ExitsWith0()
    {
        var dsn = await TestDatabases.CreateAsync(DatabaseKind.Sqlite);
        (await TesseraProcess.RunAsync(["migrate", "sql", dsn, "--yes"])).ExitCode.ShouldBe(0);

        var (exit, stdout, stderr) = await TesseraProcess.RunAsync(["cleanup"], new Dictionary<string, string> { ["DSN"] = dsn });

        exit.ShouldBe(0, stderr);
        stdout.ShouldContain("0");
    }

    private static Dictionary<string, string> Ports(int publicPort, int adminPort) => new()
    {
        ["SERVE_PUBLIC_PORT"] = publicPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["SERVE_ADMIN_PORT"] = adminPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
