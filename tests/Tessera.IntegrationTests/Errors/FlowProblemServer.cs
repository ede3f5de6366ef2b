// SPDX-License-Identifier: Apache-2.0
using Tessera.IntegrationTests.Fixtures;

namespace Tessera.IntegrationTests.Errors;

/// <summary>
/// A server for flow errors in every form: verification on (wrong codes), a one-second login lifespan that the fake
/// clock runs past (expired flows), plain-HTTP cookies.
/// </summary>
public sealed class FlowProblemServer() : ServerFixture(DatabaseKind.Sqlite)
{
    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["cookies.secure"] = "false",
        ["selfservice.flows.login.lifespan"] = "1s",
        ["selfservice.flows.verification.enabled"] = "true",
    };
}
