// SPDX-License-Identifier: Apache-2.0
namespace Tessera.Tests.Codebase;

/// <summary>
/// Issue 17 finding 7: the scripts that start Tessera outside the .NET fixtures (the SDK tests' server, the
/// benchmark) run on machines without internet, so each must turn the haveibeenpwned check off (it is on by
/// default, as Kratos). The .NET fixtures are covered by the integration suite's <c>OfflineSuiteTests</c>.
/// </summary>
public sealed class OfflineScriptsTests
{
    private const string Off = "SELFSERVICE_METHODS_PASSWORD_CONFIG_HAVEIBEENPWNED_ENABLED";

    [Theory]
    [InlineData("tests/node/tessera-server.js", "SELFSERVICE_METHODS_PASSWORD_CONFIG_HAVEIBEENPWNED_ENABLED: \"false\"")]
    [InlineData("bench/run.sh", "SELFSERVICE_METHODS_PASSWORD_CONFIG_HAVEIBEENPWNED_ENABLED=false")]
    public void Script_StartingTessera_TurnsTheBreachCheckOff(string script, string setting)
    {
        var text = File.ReadAllText(Path.Combine(RepositoryPaths.Root, script));

        text.ShouldContain(setting);
        text.Split(Off).Length.ShouldBe(2, $"{script} should set {Off} once, where it starts the server");
    }
}
