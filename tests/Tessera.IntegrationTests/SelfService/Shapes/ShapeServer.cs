// SPDX-License-Identifier: Apache-2.0
using Tessera.IntegrationTests.Fixtures;

namespace Tessera.IntegrationTests.SelfService.Shapes;

/// <summary>Every flow kind on (recovery and verification are off by default, as in Kratos).</summary>
public sealed class ShapeServer() : ServerFixture(DatabaseKind.Sqlite)
{
    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["selfservice.flows.recovery.enabled"] = "true",
        ["selfservice.flows.verification.enabled"] = "true",
    };
}
