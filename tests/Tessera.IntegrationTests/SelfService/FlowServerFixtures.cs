// SPDX-License-Identifier: Apache-2.0
using Tessera.IntegrationTests.Fixtures;

namespace Tessera.IntegrationTests.SelfService;

/// <summary>
/// Servers for the flow tests: plain-HTTP loopback, so cookies are not marked Secure (a browser would not send
/// Secure cookies to http://127.0.0.1), and a one-second flow lifespan that the fake clock runs past.
/// </summary>
public abstract class FlowServer(DatabaseKind kind) : ServerFixture(kind)
{
    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["cookies.secure"] = "false",
        ["selfservice.flows.login.lifespan"] = "1s",
        ["selfservice.flows.registration.lifespan"] = "1s",
    };
}

public sealed class SqliteFlowServer() : FlowServer(DatabaseKind.Sqlite);

public sealed class PostgresFlowServer() : FlowServer(DatabaseKind.Postgres);
