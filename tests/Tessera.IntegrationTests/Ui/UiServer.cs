// SPDX-License-Identifier: Apache-2.0
using Tessera.IntegrationTests.Fixtures;

namespace Tessera.IntegrationTests.Ui;

/// <summary>
/// The server the browser tests drive: otherwise zero configuration (the built-in UI at its default ui_urls),
/// plain-HTTP loopback with cookies not Secure, and a one-second login lifespan the fake clock runs past. The pages
/// read flows the same way on either database, so the browser suite runs on SQLite only; the flows themselves are
/// covered on both databases by SelfService/*.
/// </summary>
public sealed class UiServer() : ServerFixture(DatabaseKind.Sqlite)
{
    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["cookies.secure"] = "false",
        ["selfservice.flows.login.lifespan"] = "1s",
    };
}
