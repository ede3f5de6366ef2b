// SPDX-License-Identifier: Apache-2.0
using Microsoft.Extensions.Logging;
using Tessera.IntegrationTests.Fixtures;

namespace Tessera.IntegrationTests.Hashing;

/// <summary>Kratos's quickstart sets <c>hashers.bcrypt.cost: 8</c>: the server starts, raises it and says so.</summary>
public sealed class BcryptCostTests
{
    private const int ConfigurationNoticeEvent = 102;

    [Fact]
    public async Task Start_BcryptCost8OutsideDev_StartsAndWarnsThatTheCostIsRaisedTo12()
    {
        var logs = new LogCapture();
        await using var server = await TesseraTestServer.StartAsync(DatabaseKind.Sqlite, new Dictionary<string, string>
        {
            ["hashers.algorithm"] = "bcrypt",
            ["hashers.bcrypt.cost"] = "8",
        }, logs: logs);

        var warning = logs.Entries.Where(e => e.EventId == ConfigurationNoticeEvent).ShouldHaveSingleItem();
        warning.Level.ShouldBe(LogLevel.Warning);
        warning.Message.ShouldContain("hashers.bcrypt.cost");
        warning.Message.ShouldContain("raised to 12");
    }
}
