// SPDX-License-Identifier: Apache-2.0
using Tessera.IntegrationTests.Fixtures;

namespace Tessera.IntegrationTests.Identities;

/// <summary><c>tessera identities ...</c> and <c>tessera hashers argon2 calibrate</c>, run as a user runs them.</summary>
public sealed class IdentitiesCliTests
{
    [Fact]
    public async Task Identities_ImportListGetDelete_WorkOnTheDatabase()
    {
        var dsn = await TestDatabases.CreateAsync(DatabaseKind.Sqlite);
        var env = new Dictionary<string, string> { ["DSN"] = dsn };
        (await TesseraProcess.RunAsync(["migrate", "sql", "-e", "--yes"], env)).ExitCode.ShouldBe(0);
        var file = Path.Combine(Directory.CreateTempSubdirectory("tessera-cli-").FullName, "identities.json");
        await File.WriteAllTextAsync(file, """
            [{"schema_id":"default","traits":{"email":"cli-a@example.com"}},
             {"schema_id":"default","traits":{"email":"CLI-A@example.com"}},
             {"schema_id":"default","traits":{"email":"cli-b@example.com"},"credentials":{"password":{"config":{"hashed_password":"$2b$06$abcdefghijklmnopqrstuu10cNU3mXRamSUZYs8I8M/Szu..qXq5K"}}}}]
            """);

        var (importExit, imported, importErrors) = await TesseraProcess.RunAsync(["identities", "import", file], env);
        var (_, listed, _) = await TesseraProcess.RunAsync(["identities", "list"], env);
        var id = imported.Split('\n', StringSplitOptions.RemoveEmptyEntries)[0].Split('\t')[1].Trim();
        var (getExit, got, _) = await TesseraProcess.RunAsync(["identities", "get", id], env);
        var (deleteExit, _, _) = await TesseraProcess.RunAsync(["identities", "delete", id], env);
        var (getAgainExit, _, getAgainErrors) = await TesseraProcess.RunAsync(["identities", "get", id], env);

        importExit.ShouldBe(1, "one item conflicts");
        imported.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length.ShouldBe(2);
        importErrors.ShouldContain("identity 1");
        listed.ShouldContain("cli-a@example.com");
        listed.ShouldContain("cli-b@example.com");
        getExit.ShouldBe(0);
        got.ShouldContain(id);
        got.ShouldNotContain("hashed_password");
        deleteExit.ShouldBe(0);
        getAgainExit.ShouldBe(1);
        getAgainErrors.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length.ShouldBe(1);
    }

    [Fact]
    public async Task HashersCalibrate_PrintsArgon2Configuration_AndBadDurationExits1()
    {
        var (exit, stdout, _) = await TesseraProcess.RunAsync(["hashers", "argon2", "calibrate", "50ms", "--memory", "8MB"]);
        var (badExit, _, stderr) = await TesseraProcess.RunAsync(["hashers", "argon2", "calibrate", "soon"]);

        exit.ShouldBe(0);
        stdout.ShouldContain("iterations:");
        stdout.ShouldContain("memory:");
        badExit.ShouldBe(1);
        stderr.ShouldContain("duration");
    }
}
